package dev.postern.plugin.apikey;

import dev.postern.json.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Permission checks as better-auth's {@code role(keyPermissions).authorize(request)} (the access plugin):
 * every requested resource must be on the key with every requested action; an empty request, or a
 * resource asked for with no actions, authorizes nothing.
 */
final class ApiKeyPermissions {
    private ApiKeyPermissions() {
    }

    static boolean authorize(String storedJson, Map<String, List<String>> requested) {
        if (storedJson == null || storedJson.isEmpty()) {
            return false;
        }
        JsonNode granted;
        try {
            granted = Json.parse(storedJson);
        } catch (RuntimeException e) {
            return false;
        }
        if (!granted.isObject() || requested.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, List<String>> request : requested.entrySet()) {
            JsonNode allowed = granted.get(request.getKey());
            if (allowed == null || !allowed.isArray() || request.getValue().isEmpty()) {
                return false;
            }
            for (String action : request.getValue()) {
                boolean found = false;
                for (JsonNode a : allowed) {
                    if (a.isString() && a.asString().equals(action)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
        }
        return true;
    }
}
