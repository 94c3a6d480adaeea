package dev.postern.plugin.social;

import java.util.List;
import java.util.Objects;

/**
 * The options every social provider takes in better-auth ({@code ProviderOptions}): credentials, extra and
 * default scopes, a fixed {@code redirectURI}, and the sign-up and profile rules the callback applies.
 *
 * @param clientId the OAuth client id
 * @param clientSecret the OAuth client secret (null for public clients)
 * @param scope scopes added to the provider's defaults
 * @param disableDefaultScope request only {@code scope}, not the provider's default scopes
 * @param redirectUri a fixed {@code redirect_uri} instead of {@code <baseURL>/callback/<id>}
 * @param disableSignUp never create users through this provider
 * @param disableImplicitSignUp create users only when the sign-in asks for it ({@code requestSignUp})
 * @param overrideUserInfoOnSignIn copy the provider's name, image and e-mail onto the user at every sign-in
 * @param disableIdTokenSignIn refuse {@code idToken} sign-in even when the provider supports it
 */
public record ProviderSettings(String clientId, String clientSecret, List<String> scope, boolean disableDefaultScope,
        String redirectUri, boolean disableSignUp, boolean disableImplicitSignUp, boolean overrideUserInfoOnSignIn,
        boolean disableIdTokenSignIn) {
    public ProviderSettings {
        Objects.requireNonNull(clientId, "clientId");
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    public static ProviderSettings of(String clientId, String clientSecret) {
        return new ProviderSettings(clientId, clientSecret, List.of(), false, null, false, false, false, false);
    }

    public ProviderSettings withScope(List<String> extra) {
        return new ProviderSettings(clientId, clientSecret, extra, disableDefaultScope, redirectUri, disableSignUp,
                disableImplicitSignUp, overrideUserInfoOnSignIn, disableIdTokenSignIn);
    }

    public ProviderSettings withDisableImplicitSignUp(boolean value) {
        return new ProviderSettings(clientId, clientSecret, scope, disableDefaultScope, redirectUri, disableSignUp,
                value, overrideUserInfoOnSignIn, disableIdTokenSignIn);
    }

    public ProviderSettings withDisableSignUp(boolean value) {
        return new ProviderSettings(clientId, clientSecret, scope, disableDefaultScope, redirectUri, value,
                disableImplicitSignUp, overrideUserInfoOnSignIn, disableIdTokenSignIn);
    }
}
