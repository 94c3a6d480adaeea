package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.error.ApiException;
import dev.postern.user.InputFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code data} of {@code create-user} and {@code update-user}: unlike a user's own sign-up, an admin
 * may set the core fields and the admin plugin's own ({@code banned}, {@code banReason},
 * {@code banExpires}); the application's additional fields are read by the usual input rules. Keys that
 * are not user fields are ignored. {@code role}, {@code email}, {@code password} and {@code id} are the
 * endpoints' business and never read here.
 */
final class UserData {
    static final Set<String> BAN_FIELDS = Set.of("banned", "banReason", "banExpires");
    private static final Set<String> HANDLED_BY_ENDPOINT = Set.of("role", "email", "password", "id");
    private static final List<String> STRING_FIELDS = List.of("name", "image", "banReason");
    private static final List<String> BOOLEAN_FIELDS = List.of("emailVerified", "banned");

    private UserData() {
    }

    static Map<String, Object> read(Postern postern, ObjectNode data, InputFields.Action action) {
        Map<String, Object> values = new LinkedHashMap<>();
        ObjectNode rest = data.deepCopy();
        for (String key : HANDLED_BY_ENDPOINT) {
            rest.remove(key);
        }
        for (String key : STRING_FIELDS) {
            JsonNode value = rest.remove(key);
            if (value != null) {
                values.put(key, value.isNull() ? null : expect(value.isString(), key, "string", value).stringValue());
            }
        }
        for (String key : BOOLEAN_FIELDS) {
            JsonNode value = rest.remove(key);
            if (value != null) {
                values.put(key, expect(value.isBoolean(), key, "boolean", value).booleanValue());
            }
        }
        JsonNode expires = rest.remove("banExpires");
        if (expires != null) {
            values.put("banExpires", expires.isNull() ? null : date(expires));
        }
        values.putAll(postern.users().inputFields().parse(rest, action, false));
        return values;
    }

    private static Instant date(JsonNode value) {
        Instant date = InputFields.date(value);
        if (date == null) {
            throw invalid("banExpires", "date", value);
        }
        return date;
    }

    private static JsonNode expect(boolean ok, String key, String type, JsonNode value) {
        if (!ok) {
            throw invalid(key, type, value);
        }
        return value;
    }

    private static ApiException invalid(String key, String type, JsonNode value) {
        return ApiException.validation("[body.data." + key + "] Invalid input: expected " + type + ", received "
                + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
