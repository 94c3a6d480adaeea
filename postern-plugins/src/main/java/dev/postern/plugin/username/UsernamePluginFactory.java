package dev.postern.plugin.username;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Enables {@link UsernamePlugin} in the standalone server ({@code POSTERN_PLUGINS=username}) with
 * better-auth's option names. The validators, functions in better-auth, are regular expressions the whole
 * value must match here; the normalisations are {@code true}/{@code false} (lower-case or as typed):
 * <pre>{@code
 * plugins:
 *   username:
 *     minUsernameLength: 3
 *     maxUsernameLength: 30
 *     usernameValidator: "[a-zA-Z0-9_.]+"
 *     usernameNormalization: true          # false: store as typed
 *     displayUsernameNormalization: false  # true: lower-case
 *     displayUsernameValidator: "[^<>]+"
 *     validationOrder: { username: pre-normalization, displayUsername: pre-normalization }
 *     displayUsername: true
 *     immutableUsername: false
 * }</pre>
 */
public final class UsernamePluginFactory implements PluginFactory {
    @Override
    public String id() {
        return UsernamePlugin.ID;
    }

    @Override
    public String description() {
        return "Usernames: sign in with a username and password, username availability, display usernames";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        UsernameOptions.Builder builder = UsernameOptions.builder()
                .minUsernameLength(options.integer("minUsernameLength", 3))
                .maxUsernameLength(options.integer("maxUsernameLength", 30));
        String validator = options.string("usernameValidator", null);
        if (validator != null) {
            Pattern pattern = pattern("usernameValidator", validator);
            builder.usernameValidator(s -> pattern.matcher(s).matches());
        }
        if (!options.bool("usernameNormalization", true)) {
            builder.usernameNormalization(UnaryOperator.identity());
        }
        if (options.bool("displayUsernameNormalization", false)) {
            builder.displayUsernameNormalization(UsernameOptions.LOWER_CASE);
        }
        String displayValidator = options.string("displayUsernameValidator", null);
        if (displayValidator != null) {
            Pattern pattern = pattern("displayUsernameValidator", displayValidator);
            builder.displayUsernameValidator(s -> pattern.matcher(s).matches());
        }
        PluginOptions order = options.section("validationOrder");
        builder.validationOrder(
                order.choice("username", UsernameOptions.ValidationOrder.class, UsernameOptions.ValidationOrder.PRE_NORMALIZATION),
                order.choice("displayUsername", UsernameOptions.ValidationOrder.class,
                        UsernameOptions.ValidationOrder.PRE_NORMALIZATION));
        builder.displayUsername(options.bool("displayUsername", true))
                .immutableUsername(options.bool("immutableUsername", false));
        options.rejectUnknown();
        return new UsernamePlugin(builder.build());
    }

    private static Pattern pattern(String key, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(key + ": not a regular expression: " + e.getDescription(), e);
        }
    }
}
