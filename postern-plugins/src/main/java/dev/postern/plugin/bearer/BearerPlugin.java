package dev.postern.plugin.bearer;

import dev.postern.endpoint.Hook;
import dev.postern.plugin.Plugin;
import java.util.List;
import java.util.Objects;

/**
 * better-auth's {@code bearer} plugin, for clients that cannot keep cookies (mobile apps, servers, CLIs):
 * {@code Authorization: Bearer <token>} authenticates any request as its session cookie would
 * ({@link BearerAuthentication}), and every response that sets a session cookie also carries the token
 * in {@code set-auth-token} ({@link AuthTokenHeader}).
 *
 * <pre>{@code
 * Postern.builder()...plugins(new BearerPlugin(new BearerOptions(true)))   // signed tokens only
 * }</pre>
 */
public final class BearerPlugin implements Plugin {
    public static final String ID = "bearer";

    private final BearerOptions options;

    public BearerPlugin() {
        this(BearerOptions.defaults());
    }

    public BearerPlugin(BearerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hook> beforeHooks() {
        return List.of(new Hook(BearerAuthentication::hasAuthorization, new BearerAuthentication(options)));
    }

    @Override
    public List<Hook> afterHooks() {
        return List.of(Hook.always(new AuthTokenHeader()));
    }
}
