package dev.postern.plugin.social;

import java.util.Map;

/**
 * A provider's user mapped to Postern's user fields (better-auth's {@code getUserInfo} result): the stable
 * {@code accountId} (the provider's subject), e-mail, whether the provider verified it, name and image, and
 * the raw profile as the provider sent it.
 */
public record ProviderProfile(String accountId, String email, boolean emailVerified, String name, String image,
        Map<String, Object> raw) {
    public ProviderProfile {
        raw = raw == null ? Map.of() : Map.copyOf(raw.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** better-auth's {@code parseStringBoolean}: true and "true" are true, anything else false. */
    public static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** A string claim of a profile, or null when absent or not a string (numbers are written in full). */
    public static String text(Map<String, Object> profile, String key) {
        Object value = profile.get(key);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? String.valueOf(n) : String.valueOf(n.longValue());
        }
        return null;
    }
}
