package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A provider whose user is one JSON document at its user-info endpoint, read with the access token: the
 * subclass only maps that document to the user (and returns null when it names no account).
 */
public abstract class UserInfoProvider extends StandardProvider {
    protected UserInfoProvider(ProviderSettings settings, ProviderEndpoints endpoints, ProviderEndpoints defaults, Clock clock) {
        super(settings, endpoints, defaults, clock);
    }

    /** The user in the provider's profile document, or null when the document names no account. */
    protected abstract ProviderProfile map(Map<String, Object> profile);

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(map(getJson(endpoints.userInfo(), tokens.accessToken())));
    }

    /** The first non-empty string among these claims, or {@code fallback}. */
    static String firstText(Map<String, Object> profile, String fallback, String... keys) {
        for (String key : keys) {
            String value = ProviderProfile.text(profile, key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return fallback;
    }
}
