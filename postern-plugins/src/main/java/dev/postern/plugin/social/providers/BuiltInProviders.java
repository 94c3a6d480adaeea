package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderSettings;
import dev.postern.plugin.social.SocialProvider;
import java.time.Clock;
import java.util.List;

/** The built-in providers by id, for configuration from {@code postern.yaml} and the environment. */
public final class BuiltInProviders {
    private BuiltInProviders() {
    }

    /** The ids of the built-in providers. */
    public static List<String> ids() {
        return List.of("google", "github");
    }

    public static SocialProvider create(String id, ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        return switch (id) {
            case "google" -> new GoogleProvider(settings, endpoints, clock);
            case "github" -> new GitHubProvider(settings, endpoints, clock);
            default -> throw new IllegalArgumentException("unknown social provider \"" + id + "\"; built in: " + ids()
                    + " (declare any other OAuth/OIDC provider under genericOAuth)");
        };
    }
}
