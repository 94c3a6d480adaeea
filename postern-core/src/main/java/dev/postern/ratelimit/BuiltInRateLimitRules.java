package dev.postern.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * better-auth's special rules, which tighten the default on endpoints worth guessing at or that send mail:
 * 3 requests per 10 seconds to sign in, sign up and change a password or e-mail address; 3 per minute to
 * request reset and verification mails. Plugin and custom rules override them.
 */
final class BuiltInRateLimitRules {
    private record Special(Predicate<String> applies, RateLimit limit) {
    }

    private static final List<Special> RULES = List.of(
            new Special(path -> path.startsWith("/sign-in") || path.startsWith("/sign-up")
                    || path.startsWith("/change-password") || path.startsWith("/change-email"),
                    RateLimit.of(Duration.ofSeconds(10), 3)),
            new Special(path -> path.equals("/request-password-reset") || path.equals("/send-verification-email")
                    || path.startsWith("/forget-password") || path.equals("/email-otp/send-verification-otp")
                    || path.equals("/email-otp/request-password-reset"),
                    RateLimit.of(Duration.ofSeconds(60), 3)));

    private BuiltInRateLimitRules() {
    }

    /** The special limit for a path relative to the base path, if it has one. */
    static Optional<RateLimit> forPath(String path) {
        for (Special rule : RULES) {
            if (rule.applies().test(path)) {
                return Optional.of(rule.limit());
            }
        }
        return Optional.empty();
    }

    static List<RateLimit> all() {
        return RULES.stream().map(Special::limit).toList();
    }
}
