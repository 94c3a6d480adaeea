package dev.postern.plugin.magiclink;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enables {@link MagicLinkPlugin} by id in the standalone server, with better-auth's option names; links are
 * mailed with the configured mailer and the {@code magic-link} template:
 * <pre>{@code
 * plugins:
 *   magic-link:
 *     expiresIn: 300             # seconds
 *     disableSignUp: false
 *     storeToken: hashed         # or plain (default)
 *     rateLimit: { window: 60, max: 5 }
 * }</pre>
 */
public final class MagicLinkPluginFactory implements PluginFactory {
    private static final Logger LOG = LoggerFactory.getLogger(MagicLinkPluginFactory.class);

    /** {@code storeToken} as postern.yaml names it. */
    enum TokenStorage { PLAIN, HASHED }

    @Override
    public String id() {
        return MagicLinkPlugin.ID;
    }

    @Override
    public String description() {
        return "Passwordless sign-in with a one-time link sent by e-mail";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        MagicLinkOptions defaults = MagicLinkOptions.defaults();
        PluginOptions rateLimit = options.section("rateLimit");
        UnaryOperator<String> storage = switch (options.choice("storeToken", TokenStorage.class, TokenStorage.PLAIN)) {
            case PLAIN -> MagicLinkOptions.PLAIN;
            case HASHED -> MagicLinkOptions.HASHED;
        };
        MagicLinkOptions parsed = MagicLinkOptions.builder()
                .expiresIn(options.seconds("expiresIn", defaults.expiresIn()))
                .disableSignUp(options.bool("disableSignUp", defaults.disableSignUp()))
                .storeToken(storage)
                .rateLimit(rateLimit.seconds("window", defaults.rateLimitWindow()),
                        rateLimit.integer("max", defaults.rateLimitMax()))
                .build();
        if (options.integer("allowedAttempts", 1) != 1) {
            // better-auth accepts the option and warns the same way: links are consumed on first use.
            LOG.warn("magic-link allowedAttempts is ignored: a link works once; remove the option");
        }
        options.rejectUnknown();
        return new MagicLinkPlugin(parsed);
    }
}
