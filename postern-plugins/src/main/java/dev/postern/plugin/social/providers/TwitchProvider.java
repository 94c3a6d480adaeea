package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Twitch, as better-auth's {@code twitch()}: scopes {@code user:read:email openid}, no PKCE, a {@code claims}
 * request asking the ID token for {@code email email_verified preferred_username picture}, and the user read
 * from that ID token (the name is the {@code preferred_username}).
 */
public final class TwitchProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://id.twitch.tv/oauth2/authorize",
            "https://id.twitch.tv/oauth2/token", null, null, null);
    private static final String CLAIMS =
            "{\"id_token\":{\"email\":null,\"email_verified\":null,\"preferred_username\":null,\"picture\":null}}";

    public TwitchProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "twitch";
    }

    @Override
    public String name() {
        return "Twitch";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("user:read:email", "openid");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return Map.of("claims", CLAIMS);
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        return decodeIdToken(tokens.idToken()).flatMap(raw -> {
            String sub = ProviderProfile.text(raw, "sub");
            return sub == null ? Optional.empty() : Optional.of(new ProviderProfile(sub, ProviderProfile.text(raw, "email"),
                    ProviderProfile.truthy(raw.get("email_verified")), ProviderProfile.text(raw, "preferred_username"),
                    ProviderProfile.text(raw, "picture"), raw));
        });
    }
}
