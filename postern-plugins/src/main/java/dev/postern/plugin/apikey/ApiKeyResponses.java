package dev.postern.plugin.apikey;

import dev.postern.store.Row;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API key as better-auth's routes return it: every column but the hashed {@code key}, with
 * {@code metadata} and {@code permissions} parsed from their JSON text.
 */
final class ApiKeyResponses {
    private ApiKeyResponses() {
    }

    static Map<String, Object> of(Row key) {
        Map<String, Object> out = new LinkedHashMap<>(key.values());
        out.remove("key");
        out.put("metadata", ApiKeyJson.parse(key.string("metadata")));
        out.put("permissions", ApiKeyJson.parse(key.string("permissions")));
        return out;
    }

    /** The response of {@code create}: the key in clear, this once. */
    static Map<String, Object> created(Row key, String plaintext) {
        Map<String, Object> out = of(key);
        out.put("key", plaintext);
        return out;
    }
}
