package dev.postern.plugin.passkey;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enables {@link PasskeyPlugin} in the standalone server ({@code POSTERN_PLUGINS=passkey}), with
 * better-auth's option names:
 * <pre>{@code
 * plugins:
 *   passkey:
 *     rpID: example.com
 *     rpName: Example
 *     origin: https://example.com          # or a list of origins
 *     authenticatorSelection: { residentKey: required, userVerification: required }
 *     advanced: { webAuthnChallengeCookie: better-auth-passkey }
 *     registration: { requireSession: true }   # false: signed-out registration needs resolveUser (Java only)
 * }</pre>
 */
public final class PasskeyPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return PasskeyPlugin.ID;
    }

    @Override
    public String description() {
        return "Passkeys (WebAuthn): register, sign in (conditional UI too), list, rename and delete passkeys";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        Map<String, Object> rest = new LinkedHashMap<>(raw == null ? Map.of() : raw);
        List<String> origins = origins(rest.remove("origin"));
        PluginOptions options = PluginOptions.of(rest);
        String rpID = options.string("rpID", null);
        String rpName = options.string("rpName", null);
        PluginOptions selection = options.section("authenticatorSelection");
        PasskeyOptions.AuthenticatorSelection criteria = new PasskeyOptions.AuthenticatorSelection(
                oneOf(selection, "authenticatorAttachment", "platform", "cross-platform"),
                oneOf(selection, "residentKey", "discouraged", "preferred", "required"),
                selection.optionalBool("requireResidentKey"),
                oneOf(selection, "userVerification", "discouraged", "preferred", "required"));
        String cookie = options.section("advanced").string("webAuthnChallengeCookie", PasskeyOptions.DEFAULT_CHALLENGE_COOKIE);
        // resolveUser and afterVerification are code: only an embedding application can pass them.
        boolean requireSession = options.section("registration").bool("requireSession", true);
        options.rejectUnknown();
        return new PasskeyPlugin(new PasskeyOptions(rpID, rpName, origins, criteria, cookie,
                new PasskeyRegistration(requireSession, null, null)));
    }

    /** better-auth's {@code origin}: one origin, a list of them, or nothing (the request's own). */
    private static List<String> origins(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : List.of(withoutTrailingSlash(s.trim()));
        }
        if (value instanceof List<?> list && list.stream().allMatch(o -> o instanceof String)) {
            return list.stream().map(o -> withoutTrailingSlash(((String) o).trim())).toList();
        }
        throw new IllegalArgumentException("option origin must be an origin or a list of origins, got " + value);
    }

    private static String withoutTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static String oneOf(PluginOptions options, String key, String... allowed) {
        String value = options.string(key, null);
        if (value != null && !List.of(allowed).contains(value)) {
            throw new IllegalArgumentException("option authenticatorSelection." + key + " must be one of "
                    + List.of(allowed) + ", got " + value);
        }
        return value;
    }
}
