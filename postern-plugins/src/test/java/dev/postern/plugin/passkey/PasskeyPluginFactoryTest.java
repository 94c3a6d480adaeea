package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** {@code plugins: { passkey: {...} }} in postern.yaml, with better-auth's option names. */
class PasskeyPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("passkey");
    }

    @Test
    void betterAuthsOptionNamesAreRead() {
        PasskeyPlugin plugin = (PasskeyPlugin) new PasskeyPluginFactory().create(Map.of(
                "rpID", "example.com",
                "rpName", "Example",
                "origin", List.of("https://example.com/", "https://app.example.com"),
                "authenticatorSelection", Map.of("residentKey", "required", "userVerification", "required",
                        "authenticatorAttachment", "platform"),
                "advanced", Map.of("webAuthnChallengeCookie", "passkey-challenge"),
                "registration", Map.of("requireSession", false)));

        PasskeyOptions options = plugin.options();
        assertThat(options.rpID()).isEqualTo("example.com");
        assertThat(options.rpName()).isEqualTo("Example");
        assertThat(options.origin()).containsExactly("https://example.com", "https://app.example.com");
        assertThat(options.authenticatorSelection())
                .isEqualTo(new PasskeyOptions.AuthenticatorSelection("platform", "required", null, "required"));
        assertThat(options.webAuthnChallengeCookie()).isEqualTo("passkey-challenge");
        assertThat(options.registration().requireSession()).isFalse();
    }

    @Test
    void defaultsAreBetterAuths() {
        PasskeyOptions options = ((PasskeyPlugin) new PasskeyPluginFactory().create(Map.of("origin", "https://example.com")))
                .options();

        assertThat(options.rpID()).isNull();
        assertThat(options.rpName()).isNull();
        assertThat(options.origin()).containsExactly("https://example.com");
        assertThat(options.authenticatorSelection()).isEqualTo(PasskeyOptions.AuthenticatorSelection.NONE);
        assertThat(options.webAuthnChallengeCookie()).isEqualTo("better-auth-passkey");
        assertThat(options.registration()).isEqualTo(PasskeyRegistration.REQUIRE_SESSION);
        assertThat(((PasskeyPlugin) new PasskeyPluginFactory().create(Map.of())).options().origin()).isEmpty();
    }

    @Test
    void wrongOptionsAreRefused() {
        PasskeyPluginFactory factory = new PasskeyPluginFactory();
        assertThatThrownBy(() -> factory.create(Map.of("rpId", "example.com"))).hasMessageContaining("rpId");
        assertThatThrownBy(() -> factory.create(Map.of("authenticatorSelection", Map.of("residentKey", "always"))))
                .hasMessageContaining("residentKey");
        assertThatThrownBy(() -> factory.create(Map.of("origin", 42))).hasMessageContaining("origin");
        assertThatThrownBy(() -> factory.create(Map.of("advanced", Map.of("cookie", "x")))).hasMessageContaining("advanced.cookie");
        assertThatThrownBy(() -> factory.create(Map.of("registration", Map.of("resolveUser", "x"))))
                .hasMessageContaining("registration.resolveUser");
    }
}
