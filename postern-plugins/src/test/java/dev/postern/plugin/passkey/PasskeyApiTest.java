package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.api.ApiResponse;
import dev.postern.api.SessionAndUser;
import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import dev.postern.plugin.emailpassword.EmailPasswordApi;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignUpEmailRequest;
import dev.postern.plugin.passkey.PasskeyApi.Passkey;
import dev.postern.plugin.passkey.PasskeyApi.RegistrationOptionsRequest;
import dev.postern.plugin.passkey.PasskeyApi.VerifyRegistrationRequest;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link PasskeyApi}: registration and sign-in ceremonies through the facade, with a software authenticator. */
class PasskeyApiTest {
    private String origin;

    @Test
    void registersAPasskeyThenSignsInWithIt() {
        try (TestPostern auth = Ceremonies.start(TestDatabase.SQLITE)) {
            origin = Ceremonies.origin(auth);
            PasskeyApi passkeys = PasskeyApi.of(auth.postern());
            SoftAuthenticator authenticator = new SoftAuthenticator();
            Map<String, String> jar = new LinkedHashMap<>();
            var signedUp = EmailPasswordApi.of(auth.postern())
                    .signUpEmail(new SignUpEmailRequest("Ada", "ada@example.com", "correct horse battery"));
            take(jar, signedUp);

            var options = passkeys.generatePasskeyRegistrationOptions(headers(jar),
                    new RegistrationOptionsRequest(null, null, null));
            assertThat(options.value().challenge()).isNotBlank();
            assertThat(options.value().rp()).containsEntry("id", Ceremonies.rpId(auth));
            take(jar, options);
            Passkey registered = passkeys.passkeyVerifyRegistration(headers(jar), new VerifyRegistrationRequest(
                    authenticator.register(options.value().challenge(), Ceremonies.origin(auth), Ceremonies.rpId(auth)),
                    "laptop", null)).value();
            assertThat(registered.userId()).isEqualTo(signedUp.value().user().id());
            assertThat(registered.name()).isEqualTo("laptop");

            assertThat(passkeys.listPasskeys(headers(jar)).value()).extracting(Passkey::id)
                    .containsExactly(registered.id());
            assertThat(passkeys.updatePasskey(headers(jar), registered.id(), "work laptop").value().passkey().name())
                    .isEqualTo("work laptop");

            Map<String, String> otherBrowser = new LinkedHashMap<>();
            var challenge = passkeys.passkeyGenerateAuthenticateOptions(headers(otherBrowser));
            take(otherBrowser, challenge);
            ApiResponse<SessionAndUser> signedIn = passkeys.passkeyVerifyAuthentication(headers(otherBrowser),
                    authenticator.authenticate(challenge.value().challenge(), Ceremonies.origin(auth),
                            Ceremonies.rpId(auth)));
            assertThat(signedIn.value().user().email()).isEqualTo("ada@example.com");
            assertThat(signedIn.value().session().userId()).isEqualTo(registered.userId());

            assertThat(passkeys.deletePasskey(headers(jar), registered.id()).value().status()).isTrue();
            assertThat(passkeys.listPasskeys(headers(jar)).value()).isEmpty();
        }
    }

    private static void take(Map<String, String> jar, ApiResponse<?> response) {
        for (Cookie cookie : response.cookies()) {
            jar.put(cookie.name(), cookie.value());
        }
    }

    /** The browser's cookies and its {@code Origin}, which the ceremonies check the authenticator's answer against. */
    private Headers headers(Map<String, String> jar) {
        return Headers.of("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")), "Origin", origin);
    }

}
