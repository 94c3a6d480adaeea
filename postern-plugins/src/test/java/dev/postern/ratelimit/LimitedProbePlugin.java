package dev.postern.ratelimit;

import dev.postern.endpoint.Endpoint;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RateLimitRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Endpoints for rate-limit tests that do nothing else, so a test counts requests and not sign-in rules:
 * {@code POST /sign-in/probe} falls under better-auth's sign-in special rule (3 per 10 s), and
 * {@code POST /limited} under this plugin's own rule, 3 per minute.
 */
final class LimitedProbePlugin implements Plugin {
    static final String SIGN_IN = "/sign-in/probe";
    static final String LIMITED = "/limited";

    @Override
    public String id() {
        return "limited-probe";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post(SIGN_IN).name("signInProbe").handler(ctx -> Map.of("ok", true)).build(),
                Endpoint.post(LIMITED).name("limited").handler(ctx -> Map.of("ok", true)).build());
    }

    @Override
    public List<RateLimitRule> rateLimitRules() {
        return List.of(new RateLimitRule(LIMITED, Duration.ofMinutes(1), 3));
    }
}
