package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Atlassian, as better-auth's {@code atlassian()}: scopes {@code read:jira-user offline_access}, {@code audience=api.atlassian.com}, PKCE, {@code /me}. */
public final class AtlassianProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://auth.atlassian.com/authorize",
            "https://auth.atlassian.com/oauth/token", "https://api.atlassian.com/me", null, null);

    public AtlassianProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "atlassian";
    }

    @Override
    public String name() {
        return "Atlassian";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("read:jira-user", "offline_access");
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return Map.of("audience", "api.atlassian.com");
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "account_id");
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"), false,
                ProviderProfile.text(profile, "name"), ProviderProfile.text(profile, "picture"), profile);
    }
}
