package dev.postern.security;

import java.util.List;
import java.util.Objects;

/**
 * Switches for the request checks of better-auth's {@code advanced.disableOriginCheck} and
 * {@code advanced.disableCSRFCheck}, and the CORS settings. Everything is on by default, in every
 * environment: unlike better-auth, Postern does not switch the checks off under test.
 *
 * <ul>
 *   <li>The <b>origin check</b> refuses cookie-carrying requests from untrusted origins and untrusted
 *       {@code callbackURL}, {@code redirectTo}, {@code errorCallbackURL} and {@code newUserCallbackURL}
 *       values. Turn it off everywhere ({@link #withOriginCheckDisabled()}) or for some paths and everything
 *       below them ({@link #withOriginCheckDisabledFor(List)}, e.g. a SAML callback that a foreign identity
 *       provider posts to).</li>
 *   <li>The <b>CSRF check</b> is the {@code Origin} validation on its own, plus the Fetch Metadata check of
 *       form sign-ins; {@link #withCsrfCheckDisabled()} turns both off and leaves redirect checks on.
 *       Turning the origin check off does not turn it off (better-auth's deprecated coupling is not kept).</li>
 * </ul>
 *
 * @param originCheckDisabled no origin or redirect checks at all
 * @param originCheckDisabledPaths paths (relative to the base path, such as {@code /sso/saml2/callback})
 *     where origin and redirect checks are skipped, for the path itself and every path below it
 * @param csrfCheckDisabled no {@code Origin} validation and no Fetch Metadata check
 * @param cors cross-origin resource sharing for browser apps on trusted origins
 */
public record SecuritySettings(boolean originCheckDisabled, List<String> originCheckDisabledPaths,
                               boolean csrfCheckDisabled, CorsSettings cors) {

    public SecuritySettings {
        originCheckDisabledPaths = Objects.requireNonNull(originCheckDisabledPaths, "originCheckDisabledPaths")
                .stream().map(SecuritySettings::withoutTrailingSlashes).toList();
        Objects.requireNonNull(cors, "cors");
    }

    /** Every check on; CORS on for trusted origins. */
    public static SecuritySettings defaults() {
        return new SecuritySettings(false, List.of(), false, CorsSettings.defaults());
    }

    /** No origin or redirect checks anywhere; the Fetch Metadata check of form sign-ins stays. */
    public SecuritySettings withOriginCheckDisabled() {
        return new SecuritySettings(true, originCheckDisabledPaths, csrfCheckDisabled, cors);
    }

    /** No origin or redirect checks on these paths and below them ({@code /sso/saml2/callback}). */
    public SecuritySettings withOriginCheckDisabledFor(List<String> paths) {
        return new SecuritySettings(originCheckDisabled, paths, csrfCheckDisabled, cors);
    }

    /** No {@code Origin} validation and no Fetch Metadata check; redirect checks stay. */
    public SecuritySettings withCsrfCheckDisabled() {
        return new SecuritySettings(originCheckDisabled, originCheckDisabledPaths, true, cors);
    }

    public SecuritySettings withCors(CorsSettings cors) {
        return new SecuritySettings(originCheckDisabled, originCheckDisabledPaths, csrfCheckDisabled, cors);
    }

    /**
     * Whether origin and redirect checks are off for {@code path} (relative to the base path), as
     * better-auth decides it: everywhere, or on a listed path or below it, trailing slashes ignored.
     */
    public boolean skipsOriginCheck(String path) {
        if (originCheckDisabled) {
            return true;
        }
        String current = withoutTrailingSlashes(path);
        current = current.isEmpty() ? "/" : current;
        for (String skipped : originCheckDisabledPaths) {
            if (current.equals(skipped) || current.startsWith(skipped + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String withoutTrailingSlashes(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException(
                    "security.originCheckDisabledPaths: a path relative to the base path starts with '/', was '" + path + "'");
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
