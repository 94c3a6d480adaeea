package dev.postern.ratelimit;

import dev.postern.http.AuthRequest;
import dev.postern.plugin.RateLimitRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which limit applies to a request path, in better-auth's order where each later match replaces
 * the earlier one: the default, then a built-in special rule, then the first plugin rule that matches
 * (plugins in the order they were enabled), then the first custom rule whose path or glob matches, which
 * may also lift the limit altogether.
 */
public final class RateLimitRules {
    private record CompiledCustomRule(PathGlob glob, CustomRateLimitRule rule) {
    }

    private final RateLimit defaultLimit;
    private final List<RateLimitRule> pluginRules;
    private final List<CompiledCustomRule> customRules;

    public RateLimitRules(RateLimitSettings settings, List<RateLimitRule> pluginRules) {
        this.defaultLimit = settings.defaultLimit();
        this.pluginRules = List.copyOf(pluginRules);
        List<CompiledCustomRule> compiled = new ArrayList<>();
        for (Map.Entry<String, CustomRateLimitRule> e : settings.customRules().entrySet()) {
            compiled.add(new CompiledCustomRule(PathGlob.of(e.getKey()), e.getValue()));
        }
        this.customRules = List.copyOf(compiled);
    }

    /**
     * The limit for {@code path} (relative to the base path, no trailing slash), or empty when a custom rule
     * exempts it.
     */
    public Optional<RateLimit> resolve(AuthRequest request, String path) {
        RateLimit current = BuiltInRateLimitRules.forPath(path).orElse(defaultLimit);
        for (RateLimitRule rule : pluginRules) {
            if (rule.matches(path)) {
                current = RateLimit.of(rule.window(), rule.max());
                break;
            }
        }
        for (CompiledCustomRule custom : customRules) {
            if (custom.glob().matches(path)) {
                return apply(custom.rule(), request, current);
            }
        }
        return Optional.of(current);
    }

    /** Every fixed window any rule can apply; the database storage keeps rows for the longest of them. */
    public List<Duration> windows() {
        List<Duration> windows = new ArrayList<>();
        windows.add(defaultLimit.window());
        BuiltInRateLimitRules.all().forEach(limit -> windows.add(limit.window()));
        pluginRules.forEach(rule -> windows.add(rule.window()));
        for (CompiledCustomRule custom : customRules) {
            if (custom.rule() instanceof CustomRateLimitRule.Fixed fixed) {
                windows.add(fixed.limit().window());
            }
        }
        return windows;
    }

    private static Optional<RateLimit> apply(CustomRateLimitRule rule, AuthRequest request, RateLimit current) {
        return switch (rule) {
            case CustomRateLimitRule.Fixed fixed -> Optional.of(fixed.limit());
            case CustomRateLimitRule.Disabled disabled -> Optional.empty();
            case CustomRateLimitRule.Computed computed -> {
                Optional<RateLimit> decided = computed.function().apply(request, current);
                yield decided == null ? Optional.of(current) : decided;
            }
        };
    }
}
