package dev.postern.plugin.anonymous;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import java.util.List;
import java.util.Objects;

/**
 * better-auth's {@code anonymous} plugin: {@code POST /sign-in/anonymous} signs a visitor in as a new
 * user with {@code isAnonymous: true}; when that visitor later signs in or up for real, the application's
 * {@code onLinkAccount} moves its data over and the anonymous user is deleted ({@link AnonymousLinking});
 * {@code POST /delete-anonymous-user} removes one on request.
 *
 * <pre>{@code
 * new AnonymousPlugin(AnonymousOptions.builder()
 *         .onLinkAccount(link -> carts.move(link.anonymousSession().userId(), link.newSession().userId()))
 *         .build())
 * }</pre>
 */
public final class AnonymousPlugin implements Plugin {
    public static final String ID = "anonymous";

    private final AnonymousOptions options;

    public AnonymousPlugin() {
        this(AnonymousOptions.defaults());
    }

    public AnonymousPlugin(AnonymousOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public AnonymousOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new SignInAnonymous(options).endpoint(), new DeleteAnonymousUser(options).endpoint());
    }

    @Override
    public List<Hook> beforeHooks() {
        return List.of(new AnonymousLinking(options).before());
    }

    @Override
    public List<Hook> afterHooks() {
        return List.of(new AnonymousLinking(options).after());
    }

    @Override
    public SchemaContribution schema() {
        return SchemaContribution.fields(CoreSchema.USER,
                Field.of(AnonymousUsers.IS_ANONYMOUS, FieldType.BOOLEAN).optional().noInput().defaultValue(false));
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return AnonymousErrorCodes.all();
    }
}
