package dev.postern.plugin.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.social.providers.GenericOAuthProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The social plugin configured from postern.yaml and the environment. */
class SocialPluginFactoryTest {
    @Test
    void environmentDeclaresBuiltInAndGenericProviders() {
        SocialPlugin plugin = (SocialPlugin) new SocialPluginFactory(Map.of(
                "POSTERN_GITHUB_CLIENT_ID", "gh-id", "POSTERN_GITHUB_CLIENT_SECRET", "gh-secret",
                "POSTERN_GOOGLE_CLIENT_ID", "only-an-id",
                "POSTERN_OAUTH_ACME_SSO_DISCOVERY_URL", "http://127.0.0.1:1/.well-known/openid-configuration",
                "POSTERN_OAUTH_ACME_SSO_CLIENT_ID", "acme-id", "POSTERN_OAUTH_ACME_SSO_CLIENT_SECRET", "acme-secret",
                "POSTERN_OAUTH_ACME_SSO_SCOPES", "email, profile groups")).create(Map.of());

        assertThat(plugin.providers()).extracting(SocialProvider::id).containsExactly("github", "acme-sso");
        GenericOAuthProvider acme = (GenericOAuthProvider) plugin.provider("acme-sso").orElseThrow();
        assertThat(acme.settings().scope()).containsExactly("email", "profile", "groups");
        assertThat(acme.settings().clientSecret()).isEqualTo("acme-secret");
        assertThat(plugin.provider("github").orElseThrow().settings().clientId()).isEqualTo("gh-id");
    }

    @Test
    void yamlConfiguresProvidersAndAccountOptions() {
        Map<String, Object> yaml = Map.of(
                "socialProviders", Map.of("google", Map.of("clientId", "g-id", "clientSecret", "g-secret",
                        "disableImplicitSignUp", true)),
                "genericOAuth", Map.of("corp", Map.of("authorizationUrl", "https://corp.test/auth",
                        "tokenUrl", "https://corp.test/token", "userInfoUrl", "https://corp.test/me",
                        "clientId", "c-id", "scopes", List.of("read"), "mapProfileToUser", Map.of("name", "display_name"))),
                "account", Map.of("encryptOAuthTokens", true, "storeStateStrategy", "cookie",
                        "accountLinking", Map.of("trustedProviders", List.of("google"))));

        SocialPlugin plugin = (SocialPlugin) new SocialPluginFactory(Map.of()).create(yaml);

        assertThat(plugin.providers()).extracting(SocialProvider::id).containsExactly("google", "corp");
        assertThat(plugin.provider("google").orElseThrow().settings().disableImplicitSignUp()).isTrue();
        assertThat(((GenericOAuthProvider) plugin.provider("corp").orElseThrow()).config().profileMapping())
                .containsEntry("name", "display_name");
        assertThat(plugin.options().encryptOAuthTokens()).isTrue();
        assertThat(plugin.options().storeStateStrategy()).isEqualTo(SocialOptions.StateStrategy.COOKIE);
        assertThat(plugin.options().linking().trustedProviders()).containsExactly("google");
    }

    @Test
    void unknownOptionsAndProvidersAreRefused() {
        assertThatThrownBy(() -> new SocialPluginFactory(Map.of()).create(Map.of("socialProvider", Map.of())))
                .hasMessageContaining("socialProvider");
        assertThatThrownBy(() -> new SocialPluginFactory(Map.of()).create(
                Map.of("socialProviders", Map.of("myspace", Map.of("clientId", "x")))))
                .hasMessageContaining("myspace");
    }
}
