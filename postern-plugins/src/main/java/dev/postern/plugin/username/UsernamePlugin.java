package dev.postern.plugin.username;

import dev.postern.Postern;
import dev.postern.crypto.Passwords;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.emailpassword.PasswordRules;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import dev.postern.store.DatabaseHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * better-auth's {@code username} plugin: users get a unique {@code username} (stored normalised, lower-case
 * by default) and a {@code displayUsername} as typed, set through {@code /sign-up/email} and
 * {@code /update-user}, and sign in with {@code POST /sign-in/username}; {@code POST /is-username-available}
 * checks one. Passwords are hashed and checked by the {@code email-password} plugin's hasher when it is
 * enabled (it is in the standalone server), with the same rules as {@code /sign-in/email}.
 *
 * <pre>{@code
 * PosternConfig.builder()...plugins(CorePlugins.defaults()).plugin(new UsernamePlugin(UsernameOptions.builder()
 *         .minUsernameLength(4)
 *         .immutableUsername(true)
 *         .build()))
 * }</pre>
 */
public final class UsernamePlugin implements Plugin {
    public static final String ID = "username";

    private final UsernameOptions options;
    private final UsernameRules rules;
    private volatile EmailPasswordPlugin emailPassword;

    public UsernamePlugin() {
        this(UsernameOptions.defaults());
    }

    public UsernamePlugin(UsernameOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.rules = new UsernameRules(options);
    }

    @Override
    public String id() {
        return ID;
    }

    public UsernameOptions options() {
        return options;
    }

    @Override
    public void init(Postern postern) {
        this.emailPassword = postern.plugin(EmailPasswordPlugin.class).orElse(null);
    }

    UsernameRules rules() {
        return rules;
    }

    Optional<EmailPasswordPlugin> emailPassword() {
        return Optional.ofNullable(emailPassword);
    }

    Passwords passwords() {
        return emailPassword().map(EmailPasswordPlugin::passwords).orElseGet(DefaultPasswords::get);
    }

    PasswordRules passwordRules() {
        return emailPassword().map(EmailPasswordPlugin::passwordRules).orElse(DefaultPasswords.RULES);
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new SignInUsername(this).endpoint(), new IsUsernameAvailable(rules).endpoint());
    }

    @Override
    public List<Hook> beforeHooks() {
        return new UsernameHooks(rules).beforeHooks();
    }

    @Override
    public DatabaseHooks databaseHooks() {
        return new UsernameHooks(rules).databaseHooks();
    }

    @Override
    public SchemaContribution schema() {
        List<Field.Builder> fields = new ArrayList<>();
        fields.add(Field.of(UsernameRules.USERNAME, FieldType.STRING).optional().unique().sortable());
        if (options.displayUsername()) {
            fields.add(Field.of(UsernameRules.DISPLAY_USERNAME, FieldType.STRING).optional());
        }
        return SchemaContribution.fields(CoreSchema.USER, fields.toArray(Field.Builder[]::new));
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return UsernameErrorCodes.all();
    }

    /** Hashing for an instance without the email-password plugin: better-auth's defaults. */
    private static final class DefaultPasswords {
        static final PasswordRules RULES = new PasswordRules(8, 128);
        private static final Passwords INSTANCE = Passwords.withDefaults();

        static Passwords get() {
            return INSTANCE;
        }
    }
}
