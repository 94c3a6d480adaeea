package dev.postern.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.http.AuthRequest;
import dev.postern.plugin.RateLimitRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which limit applies to a path: better-auth-wire.md §9.4, "Rule precedence" (defaults < special < plugin < custom). */
class RateLimitRulesTest {
    private static final AuthRequest REQUEST = AuthRequest.get("/api/auth/x");
    private static final RateLimitSettings DEFAULTS = RateLimitSettings.defaults();

    private static RateLimit limit(long seconds, int max) {
        return RateLimit.of(Duration.ofSeconds(seconds), max);
    }

    private static Optional<RateLimit> resolve(RateLimitSettings settings, List<RateLimitRule> pluginRules, String path) {
        return new RateLimitRules(settings, pluginRules).resolve(REQUEST, path);
    }

    private static Optional<RateLimit> resolve(String path) {
        return resolve(DEFAULTS, List.of(), path);
    }

    @Test
    void pathsWithoutRulesGetTheDefaultOf100Per10Seconds() {
        assertThat(resolve("/get-session")).contains(limit(10, 100));
        assertThat(resolve("/sign-out")).contains(limit(10, 100));
        assertThat(resolve(DEFAULTS.toBuilder().window(Duration.ofSeconds(30)).max(7).build(), List.of(), "/ok"))
                .contains(limit(30, 7));
    }

    @Test
    void signInSignUpChangePasswordAndChangeEmailAre3Per10Seconds() {
        for (String path : List.of("/sign-in/email", "/sign-in/social", "/sign-up/email", "/change-password", "/change-email")) {
            assertThat(resolve(path)).as(path).contains(limit(10, 3));
        }
    }

    @Test
    void resetAndVerificationMailsAre3PerMinute() {
        for (String path : List.of("/request-password-reset", "/send-verification-email", "/forget-password",
                "/forget-password/email-otp", "/email-otp/send-verification-otp", "/email-otp/request-password-reset")) {
            assertThat(resolve(path)).as(path).contains(limit(60, 3));
        }
        assertThat(resolve("/request-password-reset/more")).contains(limit(10, 100));
    }

    @Test
    void aPluginRuleOverridesTheSpecialRule() {
        List<RateLimitRule> magicLink = List.of(new RateLimitRule("/sign-in/magic-link", Duration.ofSeconds(60), 5));

        assertThat(resolve(DEFAULTS, magicLink, "/sign-in/magic-link")).contains(limit(60, 5));
        assertThat(resolve(DEFAULTS, magicLink, "/sign-in/email")).contains(limit(10, 3));
    }

    @Test
    void theFirstMatchingPluginRuleWins() {
        List<RateLimitRule> rules = List.of(
                new RateLimitRule("/two-factor/*", Duration.ofSeconds(10), 3),
                new RateLimitRule("/two-factor/verify-totp", Duration.ofSeconds(60), 1));

        assertThat(resolve(DEFAULTS, rules, "/two-factor/verify-totp")).contains(limit(10, 3));
    }

    @Test
    void aCustomRuleOverridesPluginAndSpecialRules() {
        RateLimitSettings settings = DEFAULTS.toBuilder().customRule("/sign-in/magic-link", Duration.ofSeconds(5), 50).build();
        List<RateLimitRule> magicLink = List.of(new RateLimitRule("/sign-in/magic-link", Duration.ofSeconds(60), 5));

        assertThat(resolve(settings, magicLink, "/sign-in/magic-link")).contains(limit(5, 50));
    }

    @Test
    void customRuleGlobsMatchOneSegmentWithStarAndManyWithDoubleStar() {
        RateLimitSettings settings = DEFAULTS.toBuilder()
                .customRule("/sign-in/*", Duration.ofSeconds(20), 2)
                .customRule("/organization/**", Duration.ofSeconds(30), 4)
                .customRule("/api-key/?et*", Duration.ofSeconds(40), 6)
                .build();

        assertThat(resolve(settings, List.of(), "/sign-in/email")).contains(limit(20, 2));
        assertThat(resolve(settings, List.of(), "/sign-in/email/extra")).contains(limit(10, 3));
        assertThat(resolve(settings, List.of(), "/organization")).contains(limit(30, 4));
        assertThat(resolve(settings, List.of(), "/organization/members/list")).contains(limit(30, 4));
        assertThat(resolve(settings, List.of(), "/api-key/get")).contains(limit(40, 6));
        assertThat(resolve(settings, List.of(), "/api-key/list")).contains(limit(10, 100));
    }

    @Test
    void aCustomPathWithoutStarMatchesOnlyItself() {
        RateLimitSettings settings = DEFAULTS.toBuilder().customRule("/sign-in/em?il", Duration.ofSeconds(20), 2).build();

        assertThat(resolve(settings, List.of(), "/sign-in/email")).contains(limit(10, 3));
        assertThat(resolve(settings, List.of(), "/sign-in/em?il")).contains(limit(20, 2));
    }

    @Test
    void theFirstCustomRuleThatMatchesWinsInTheOrderGiven() {
        RateLimitSettings settings = DEFAULTS.toBuilder()
                .customRule("/sign-in/*", Duration.ofSeconds(20), 2)
                .customRule("/sign-in/email", Duration.ofSeconds(30), 9)
                .build();

        assertThat(resolve(settings, List.of(), "/sign-in/email")).contains(limit(20, 2));
    }

    @Test
    void aDisabledCustomRuleExemptsThePath() {
        RateLimitSettings settings = DEFAULTS.toBuilder().customRule("/sign-in/*", CustomRateLimitRule.disabled()).build();

        assertThat(resolve(settings, List.of(), "/sign-in/email")).isEmpty();
        assertThat(resolve(settings, List.of(), "/sign-up/email")).contains(limit(10, 3));
    }

    @Test
    void aFunctionRuleSeesTheCurrentLimitAndDecidesPerRequest() {
        RateLimitSettings settings = DEFAULTS.toBuilder().customRule("/sign-in/*", CustomRateLimitRule.computed(
                (request, current) -> request.header("X-Internal").isPresent()
                        ? Optional.empty()
                        : Optional.of(RateLimit.of(current.window(), current.max() * 2)))).build();
        RateLimitRules rules = new RateLimitRules(settings, List.of());

        assertThat(rules.resolve(REQUEST, "/sign-in/email")).contains(limit(10, 6));
        assertThat(rules.resolve(AuthRequest.builder("POST", "/x").header("X-Internal", "1").build(), "/sign-in/email"))
                .isEmpty();
    }
}
