package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Hugging Face, as better-auth's {@code huggingface()}: scopes {@code openid profile email}, PKCE, the OpenID user-info document. */
public final class HuggingFaceProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://huggingface.co/oauth/authorize",
            "https://huggingface.co/oauth/token", "https://huggingface.co/oauth/userinfo", null, null);

    public HuggingFaceProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "huggingface";
    }

    @Override
    public String name() {
        return "Hugging Face";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "profile", "email");
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        return openIdProfile(profile, "name", "preferred_username");
    }
}
