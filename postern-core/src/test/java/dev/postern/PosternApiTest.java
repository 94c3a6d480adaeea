package dev.postern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.PosternApi.ApiCall;
import dev.postern.error.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code postern.api()} applies the same validation and hooks as HTTP, and reaches server-only endpoints. */
class PosternApiTest {
    private final Postern postern = Postern.create(PosternConfig.builder()
            .secret("a-test-secret-that-is-long-enough-0123456789")
            .database(NoStore.PROVIDER)
            .plugin(new ProbePlugin())
            .build());

    @Test
    void callValidatesTheBodyLikeHttp() {
        assertThatThrownBy(() -> postern.api().call("signUpProbe", ApiCall.body(Map.of("email", "nope"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
                    assertThat(e.getMessage()).isEqualTo("[body.email] Invalid email address");
                });
    }

    @Test
    void callRunsHooksAndReturnsValueAndCookies() {
        PosternApi.ApiResult result = postern.api().call("signUpProbe", ApiCall.body(Map.of("email", "ada@example.com")));

        assertThat(result.json().get("email").asString()).isEqualTo("ada@example.com");
        assertThat(result.cookies()).extracting(c -> c.name()).containsExactly("probe");
        assertThat(postern.api().call("signUpProbe", ApiCall.body(Map.of("email", "blocked@x.co"))).json().get("blocked").asBoolean()).isTrue();
    }

    @Test
    void serverOnlyEndpointsAreCallableFromJava() {
        assertThat(postern.api().call("serverSecret").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> postern.api().call("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signUpProbe");
    }

    @Test
    void errorsThrownByHandlersReachJavaCallersAsApiExceptions() {
        assertThatThrownBy(() -> postern.api().call("conflict"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ProbePlugin.USER_ALREADY_EXISTS.code()));
    }
}
