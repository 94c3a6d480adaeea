package dev.postern.plugin.social;

import java.net.URI;
import java.util.Optional;

/**
 * One OAuth 2.0 / OpenID Connect provider that users sign in with (better-auth's {@code OAuthProvider}):
 * builds its authorization URL, exchanges a code for tokens, reads the user, refreshes tokens and, when it
 * issues ID tokens, verifies one handed over directly ({@code idToken} sign-in).
 *
 * <p>Built-in providers live in {@code dev.postern.plugin.social.providers}; any other provider is a
 * {@link dev.postern.plugin.social.providers.GenericOAuthProvider}.
 */
public interface SocialProvider {
    /** The id in URLs and in {@code account.providerId}: {@code google}, {@code acme-sso}. */
    String id();

    /** A name for people. */
    default String name() {
        return id();
    }

    /** The provider's {@code iss}, checked against the callback's {@code iss} parameter (RFC 9207) when both are known. */
    default Optional<String> issuer() {
        return Optional.empty();
    }

    /** Whether the flow sends an OIDC {@code nonce} and requires it in the ID token. */
    default boolean requiresIdTokenNonce() {
        return false;
    }

    URI authorizationUrl(AuthorizationRequest request);

    OAuthTokens exchangeCode(String code, String codeVerifier, String redirectUri);

    /** The exchange with the {@code device_id} some providers (VK ID) return beside the code; ignored by most. */
    default OAuthTokens exchangeCode(String code, String codeVerifier, String redirectUri, String deviceId) {
        return exchangeCode(code, codeVerifier, redirectUri);
    }

    /**
     * The user behind these tokens, or empty when it cannot be read (a failed request, an ID token that does
     * not verify, a missing subject). {@code expectedNonce} is the flow's nonce, null when none was sent;
     * {@code userJson} is the {@code user} form field some providers (Apple) post on the first sign-in.
     */
    Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson);

    /** New tokens for a refresh token; throws when the provider refuses or cannot refresh. */
    default OAuthTokens refresh(String refreshToken) {
        throw new UnsupportedOperationException(id() + " does not support token refreshing");
    }

    default boolean supportsRefresh() {
        return false;
    }

    /** Whether an ID token can be handed over directly ({@code idToken} in the body of {@code /sign-in/social}). */
    default boolean supportsIdTokenSignIn() {
        return false;
    }

    /** Whether {@code idToken} verifies for this provider (signature, issuer, audience, expiry, nonce when given). */
    default boolean verifyIdToken(String idToken, String nonce) {
        return false;
    }

    /** The settings every provider shares (sign-up rules, callback path). */
    ProviderSettings settings();
}
