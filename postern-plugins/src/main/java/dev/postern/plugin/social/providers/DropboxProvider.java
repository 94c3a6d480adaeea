package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dropbox, as better-auth's {@code dropbox()}: scope {@code account_info.read}, PKCE, an optional
 * {@code token_access_type} ({@code offline} for refresh tokens), the user from the
 * {@code /2/users/get_current_account} RPC (a POST without a body).
 */
public final class DropboxProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://www.dropbox.com/oauth2/authorize",
            "https://api.dropboxapi.com/oauth2/token", "https://api.dropboxapi.com/2/users/get_current_account", null, null);

    private final String accessType;

    public DropboxProvider(ProviderSettings settings, ProviderEndpoints endpoints, String accessType, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
        this.accessType = accessType;
    }

    @Override
    public String id() {
        return "dropbox";
    }

    @Override
    public String name() {
        return "Dropbox";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("account_info.read");
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return accessType == null ? Map.of() : Map.of("token_access_type", accessType);
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> profile = OAuthHttp.postJson(URI.create(endpoints.userInfo()),
                Map.of("Authorization", "Bearer " + tokens.accessToken()), null);
        String id = ProviderProfile.text(profile, "account_id");
        String name = profile.get("name") instanceof Map<?, ?> n && n.get("display_name") instanceof String d ? d : null;
        return id == null ? Optional.empty() : Optional.of(new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), name, ProviderProfile.text(profile, "profile_photo_url"), profile));
    }
}
