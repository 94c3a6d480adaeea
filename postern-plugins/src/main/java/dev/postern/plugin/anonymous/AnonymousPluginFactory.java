package dev.postern.plugin.anonymous;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link AnonymousPlugin} in the standalone server ({@code POSTERN_PLUGINS=anonymous}) with
 * better-auth's option names. {@code onLinkAccount}, {@code generateName} and {@code generateRandomEmail}
 * are functions, so they exist in the Java API only:
 * <pre>{@code
 * plugins:
 *   anonymous: { emailDomainName: example.com, disableDeleteAnonymousUser: false }
 * }</pre>
 */
public final class AnonymousPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return AnonymousPlugin.ID;
    }

    @Override
    public String description() {
        return "Anonymous sign-in, upgraded to a real account (and the anonymous user deleted) on a later sign-in";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        AnonymousOptions.Builder builder = AnonymousOptions.builder()
                .emailDomainName(options.string("emailDomainName", null))
                .disableDeleteAnonymousUser(options.bool("disableDeleteAnonymousUser", false));
        options.rejectUnknown();
        return new AnonymousPlugin(builder.build());
    }
}
