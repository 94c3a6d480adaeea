package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Figma, as better-auth's {@code figma()}: scope {@code current_user:read}, PKCE, client authentication by HTTP Basic, {@code /v1/me} (the name is the handle). */
public final class FigmaProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://www.figma.com/oauth",
            "https://api.figma.com/v1/oauth/token", "https://api.figma.com/v1/me", null, null);

    public FigmaProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "figma";
    }

    @Override
    public String name() {
        return "Figma";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("current_user:read");
    }

    @Override
    protected OAuthHttp.ClientAuth clientAuth() {
        return OAuthHttp.ClientAuth.BASIC;
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "id");
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"), false,
                ProviderProfile.text(profile, "handle"), ProviderProfile.text(profile, "img_url"), profile);
    }
}
