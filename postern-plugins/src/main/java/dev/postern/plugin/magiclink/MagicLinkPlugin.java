package dev.postern.plugin.magiclink;

import dev.postern.endpoint.Endpoint;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RateLimitRule;
import java.util.List;
import java.util.Objects;

/**
 * Passwordless sign-in with a one-time link mailed to the address: better-auth's {@code magic-link} plugin,
 * with its paths, bodies, redirects and {@code verification} rows ({@code magic-link:<token or digest>}
 * holding {@code {"type":"magic-link","email":...,"name":...}}), so a link issued by either implementation
 * works with the other.
 *
 * <pre>{@code
 * PosternConfig.builder()...plugin(new MagicLinkPlugin(MagicLinkOptions.builder().disableSignUp(true).build()))
 * }</pre>
 *
 * <p>Endpoints: {@code POST /sign-in/magic-link} and {@code GET /magic-link/verify}.
 */
public final class MagicLinkPlugin implements Plugin {
    public static final String ID = "magic-link";

    private final MagicLinkOptions options;

    public MagicLinkPlugin() {
        this(MagicLinkOptions.defaults());
    }

    public MagicLinkPlugin(MagicLinkOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public MagicLinkOptions options() {
        return options;
    }

    /** better-auth's {@code magic-link:<stored token>} identifier. */
    static String identifier(String storedToken) {
        return "magic-link:" + storedToken;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new MagicLinkRequest(options).endpoint(), new MagicLinkVerification(options).endpoint());
    }

    /** One rule in better-auth matches both paths by prefix; its counters are per path all the same. */
    @Override
    public List<RateLimitRule> rateLimitRules() {
        return List.of(
                new RateLimitRule("/sign-in/magic-link*", options.rateLimitWindow(), options.rateLimitMax()),
                new RateLimitRule("/magic-link/verify*", options.rateLimitWindow(), options.rateLimitMax()));
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return MagicLinkErrorCodes.all();
    }
}
