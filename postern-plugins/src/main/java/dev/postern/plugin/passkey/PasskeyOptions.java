package dev.postern.plugin.passkey;

import java.util.List;
import java.util.Objects;

/**
 * Options of the {@code passkey} plugin, named as better-auth's {@code passkey({...})} names them.
 *
 * @param rpID the relying party id (a registrable domain, {@code localhost} in development); null means
 *     the host of the base URL, as better-auth does
 * @param rpName the name authenticators show; null means the app name
 * @param origin the origins ceremonies may come from ({@code https://app.example.com}, no trailing slash);
 *     empty means the request's {@code Origin} header, as better-auth does when {@code origin} is unset
 * @param authenticatorSelection merged over better-auth's defaults in the registration options
 * @param webAuthnChallengeCookie better-auth's {@code advanced.webAuthnChallengeCookie}: the key of the
 *     signed cookie that names the pending challenge
 * @param registration better-auth's {@code registration} options; by default a fresh session is required
 */
public record PasskeyOptions(String rpID, String rpName, List<String> origin,
        AuthenticatorSelection authenticatorSelection, String webAuthnChallengeCookie, PasskeyRegistration registration) {

    /** better-auth's default challenge cookie key; with the prefix the cookie is {@code better-auth.better-auth-passkey}. */
    public static final String DEFAULT_CHALLENGE_COOKIE = "better-auth-passkey";

    public PasskeyOptions {
        origin = List.copyOf(origin == null ? List.of() : origin);
        authenticatorSelection = authenticatorSelection == null ? AuthenticatorSelection.NONE : authenticatorSelection;
        webAuthnChallengeCookie = webAuthnChallengeCookie == null || webAuthnChallengeCookie.isBlank()
                ? DEFAULT_CHALLENGE_COOKIE : webAuthnChallengeCookie;
        registration = registration == null ? PasskeyRegistration.REQUIRE_SESSION : registration;
    }

    /** Options with better-auth's default registration rules (a fresh session required). */
    public PasskeyOptions(String rpID, String rpName, List<String> origin, AuthenticatorSelection authenticatorSelection,
            String webAuthnChallengeCookie) {
        this(rpID, rpName, origin, authenticatorSelection, webAuthnChallengeCookie, PasskeyRegistration.REQUIRE_SESSION);
    }

    /** These options with other registration rules. */
    public PasskeyOptions withRegistration(PasskeyRegistration newRegistration) {
        return new PasskeyOptions(rpID, rpName, origin, authenticatorSelection, webAuthnChallengeCookie, newRegistration);
    }

    /** Every option at better-auth's default: relying party from the base URL, origin from the request. */
    public static PasskeyOptions defaults() {
        return new PasskeyOptions(null, null, List.of(), AuthenticatorSelection.NONE, DEFAULT_CHALLENGE_COOKIE);
    }

    /** A relying party id and origin fixed, as production deployments set them. */
    public static PasskeyOptions of(String rpID, String rpName, String origin) {
        return new PasskeyOptions(rpID, rpName, List.of(Objects.requireNonNull(origin, "origin")),
                AuthenticatorSelection.NONE, DEFAULT_CHALLENGE_COOKIE);
    }

    /**
     * WebAuthn's {@code AuthenticatorSelectionCriteria}; null members keep better-auth's defaults
     * ({@code residentKey: "preferred"}, {@code userVerification: "preferred"}, no attachment).
     *
     * @param authenticatorAttachment {@code platform} or {@code cross-platform}
     * @param residentKey {@code discouraged}, {@code preferred} or {@code required}
     * @param requireResidentKey the Level 1 spelling of {@code residentKey: "required"}
     * @param userVerification {@code discouraged}, {@code preferred} or {@code required}
     */
    public record AuthenticatorSelection(String authenticatorAttachment, String residentKey,
            Boolean requireResidentKey, String userVerification) {
        public static final AuthenticatorSelection NONE = new AuthenticatorSelection(null, null, null, null);
    }
}
