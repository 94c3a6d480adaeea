package dev.postern.plugin.lastloginmethod;

import dev.postern.endpoint.Hook;
import dev.postern.plugin.Plugin;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import java.util.List;
import java.util.Objects;

/**
 * better-auth's {@code last-login-method} plugin: remembers how a browser last signed in ({@code email},
 * a provider id, {@code passkey}, {@code magic-link}, ...) in the cookie
 * {@code better-auth.last_used_login_method}, and optionally in {@code user.lastLoginMethod}.
 *
 * <p>Departure: better-auth also stamps {@code lastLoginMethod} when a user is created without a session
 * (sign-up with {@code autoSignIn} off); Postern writes it when a session starts, its database hooks
 * having no request to name the method from.
 */
public final class LastLoginMethodPlugin implements Plugin {
    public static final String ID = "last-login-method";

    private final LastLoginMethodOptions options;

    public LastLoginMethodPlugin() {
        this(LastLoginMethodOptions.defaults());
    }

    public LastLoginMethodPlugin(LastLoginMethodOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public LastLoginMethodOptions options() {
        return options;
    }

    @Override
    public List<Hook> afterHooks() {
        return List.of(Hook.always(new LastLoginMethodHook(options)));
    }

    @Override
    public SchemaContribution schema() {
        return options.storeInDatabase()
                ? SchemaContribution.fields(CoreSchema.USER, Field.of(LastLoginMethodHook.FIELD, FieldType.STRING).optional().noInput())
                : SchemaContribution.NONE;
    }
}
