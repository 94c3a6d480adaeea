package dev.postern.redis;

import dev.postern.endpoint.Endpoint;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RateLimitRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One endpoint that does nothing, {@code POST /redis-probe}, limited to 3 requests a minute per client. */
final class CountedProbePlugin implements Plugin {
    static final String PATH = "/redis-probe";
    static final int MAX = 3;

    @Override
    public String id() {
        return "redis-probe";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.post(PATH).name("redisProbe").handler(ctx -> Map.of("ok", true)).build());
    }

    @Override
    public List<RateLimitRule> rateLimitRules() {
        return List.of(new RateLimitRule(PATH, Duration.ofMinutes(1), MAX));
    }
}
