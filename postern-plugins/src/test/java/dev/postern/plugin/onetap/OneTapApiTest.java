package dev.postern.plugin.onetap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.api.ApiResponse;
import dev.postern.api.TokenAndUser;
import dev.postern.http.Headers;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.testkit.TestPostern;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link OneTapApi}: a Google ID token (from a local JWKS host playing Google) signs up through the facade. */
class OneTapApiTest {

    @Test
    void oneTapCallbackSignsUpWithAGoogleIdToken() {
        try (FakeGoogle google = FakeGoogle.start();
             TestPostern auth = TestPostern.start(new EmailPasswordPlugin(), new SessionPlugin(),
                     new OneTapPlugin(OneTapOptions.forClient(FakeGoogle.CLIENT_ID).withJwksUrl(google.jwksUrl())))) {
            String idToken = google.token(FakeGoogle.claims("google-sub-9", "Grace@Example.com", Instant.now()).build());

            ApiResponse<TokenAndUser> signedIn = OneTapApi.of(auth.postern()).oneTapCallback(Headers.empty(), idToken, null);

            assertThat(signedIn.value().token()).hasSize(32);
            assertThat(signedIn.value().user().email()).isEqualTo("grace@example.com");
            assertThat(signedIn.value().user().emailVerified()).isTrue();
            assertThat(signedIn.cookies()).anySatisfy(c -> assertThat(c.value()).startsWith(signedIn.value().token() + "."));
        }
    }
}
