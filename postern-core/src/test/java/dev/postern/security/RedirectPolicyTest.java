package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.NoStore;
import dev.postern.PosternConfig;
import dev.postern.error.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where flows may redirect to (better-auth's origin check on callbackURL and redirectTo, wire reference §9.1). */
class RedirectPolicyTest {
    private final RedirectPolicy policy = RedirectPolicy.of(PosternConfig.builder()
            .secret("a-secret-that-is-long-enough-for-tests-0123456789")
            .baseUrl("https://auth.example.com")
            .database(NoStore.PROVIDER)
            .trustedOrigins(List.of("https://app.example.com", "http://localhost:5173"))
            .build());

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/reset?step=2#top", "https://auth.example.com/after",
            "https://AUTH.example.com:443/x", "https://app.example.com/welcome", "http://localhost:5173/"})
    void safePathsAndTrustedOriginsAreAllowed(String url) {
        assertThat(policy.allows(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "/\\evil.example", "/%2F%2Fevil.example", "https://evil.example/",
            "http://auth.example.com/", "https://app.example.com.evil.example/", "https://app.example.com@evil.example/",
            "javascript:alert(1)", "dashboard", "/a\u0000b", "/\ud800", "https://auth.example.com:8443/"})
    void anythingElseIsRefused(String url) {
        assertThat(policy.allows(url)).isFalse();
    }

    @Test
    void refusalsCarryBetterAuthsCodes() {
        assertThatThrownBy(() -> policy.requireCallbackUrl("https://evil.example/"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().code()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("INVALID_CALLBACK_URL");
                    assertThat(e.getMessage()).isEqualTo("Invalid callbackURL");
                });
        assertThatThrownBy(() -> policy.requireRedirectUrl("https://evil.example/"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REDIRECT_URL"));
        policy.requireCallbackUrl(null);
        policy.requireCallbackUrl("");
    }
}
