package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Salesforce, as better-auth's {@code salesforce()}: production ({@code login.salesforce.com}), sandbox
 * ({@code test.salesforce.com}) or a My Domain {@code loginUrl}; scopes {@code openid email profile}, PKCE,
 * the OpenID user-info document with {@code user_id} as the account id and the photo from {@code photos}.
 */
public final class SalesforceProvider extends UserInfoProvider {
    public SalesforceProvider(ProviderSettings settings, ProviderEndpoints endpoints, String environment, String loginUrl,
            Clock clock) {
        super(settings, endpoints, defaults(environment, loginUrl), clock);
    }

    /** The endpoints for {@code environment} ({@code production} or {@code sandbox}) or a {@code loginUrl} host. */
    public static ProviderEndpoints defaults(String environment, String loginUrl) {
        String host = loginUrl != null ? loginUrl.replaceFirst("^https?://", "")
                : "sandbox".equals(environment) ? "test.salesforce.com" : "login.salesforce.com";
        String base = "https://" + host + "/services/oauth2";
        return new ProviderEndpoints(base + "/authorize", base + "/token", base + "/userinfo", null, null);
    }

    @Override
    public String id() {
        return "salesforce";
    }

    @Override
    public String name() {
        return "Salesforce";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "email", "profile");
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "user_id");
        String photo = profile.get("photos") instanceof Map<?, ?> photos
                ? (photos.get("picture") instanceof String p ? p : photos.get("thumbnail") instanceof String t ? t : null) : null;
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), ProviderProfile.text(profile, "name"), photo, profile);
    }
}
