package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Slack ("Sign in with Slack", OpenID Connect), as better-auth's {@code slack()}: scopes
 * {@code openid profile email}, no PKCE, the account id from {@code https://slack.com/user_id}, the image
 * from {@code picture} else the 512 px user image.
 */
public final class SlackProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://slack.com/openid/connect/authorize",
            "https://slack.com/api/openid.connect.token", "https://slack.com/api/openid.connect.userInfo", null, null);

    public SlackProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public String name() {
        return "Slack";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "profile", "email");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "https://slack.com/user_id");
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), firstText(profile, "", "name"),
                firstText(profile, null, "picture", "https://slack.com/user_image_512"), profile);
    }
}
