package dev.postern.plugin.onetimetoken;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.plugin.Plugin;
import java.util.List;
import java.util.Objects;

/**
 * better-auth's {@code one-time-token} plugin: a signed-in client asks for a short-lived, single-use
 * token ({@code GET /one-time-token/generate}) and another context redeems it for the same session
 * ({@code POST /one-time-token/verify}).
 *
 * <pre>{@code
 * new OneTimeTokenPlugin(OneTimeTokenOptions.builder().expiresIn(Duration.ofMinutes(1)).storeToken(OneTimeTokenOptions.HASHED).build())
 * }</pre>
 */
public final class OneTimeTokenPlugin implements Plugin {
    public static final String ID = "one-time-token";

    private final OneTimeTokenOptions options;
    private final OneTimeTokens tokens;

    public OneTimeTokenPlugin() {
        this(OneTimeTokenOptions.defaults());
    }

    public OneTimeTokenPlugin(OneTimeTokenOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.tokens = new OneTimeTokens(options);
    }

    @Override
    public String id() {
        return ID;
    }

    public OneTimeTokenOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        return new OneTimeTokenEndpoints(options, tokens).all();
    }

    @Override
    public List<Hook> afterHooks() {
        return options.setOttHeaderOnNewSession() ? List.of(Hook.always(new OneTimeTokenHeader(tokens))) : List.of();
    }
}
