package dev.postern.plugin.social;

import java.util.List;
import java.util.Map;

/**
 * What {@code /sign-in/social} and {@code /link-social} ask a provider to put in its authorization URL:
 * the {@code state}, the PKCE verifier (its S256 challenge goes in the URL), the OIDC {@code nonce} when the
 * provider binds ID tokens to the flow, the {@code redirect_uri}, extra scopes, a login hint and extra
 * query parameters from the caller.
 */
public record AuthorizationRequest(String state, String codeVerifier, String nonce, String redirectUri,
        List<String> scopes, String loginHint, Map<String, String> additionalParams) {
    public AuthorizationRequest {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        additionalParams = additionalParams == null ? Map.of() : Map.copyOf(additionalParams);
    }
}
