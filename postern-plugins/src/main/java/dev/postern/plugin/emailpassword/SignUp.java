package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.security.RedirectPolicy;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.StoreUnavailableException;
import dev.postern.store.UniqueViolationException;
import dev.postern.user.InputFields;
import dev.postern.user.UserErrorCodes;
import dev.postern.user.UserService;
import dev.postern.validation.Schemas;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /sign-up/email}: creates the user and its credential account in one transaction, mails a
 * verification link after the commit when configured, and signs the new user in unless
 * {@code autoSignIn} is off or verification is required.
 *
 * <p>An address that is taken answers 422 {@code USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL}, except when
 * verification is required or {@code autoSignIn} is off: then, as better-auth does, the answer is a 200
 * with a made-up user indistinguishable from a real sign-up, after hashing the password all the same, so
 * sign-up cannot be used to find out who has an account.
 */
final class SignUp {
    private static final Logger LOG = LoggerFactory.getLogger(SignUp.class);

    private final EmailPasswordPlugin plugin;

    SignUp(EmailPasswordPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-up/email")
                .name("signUpEmail")
                .body(Schemas.object()
                        .required("name", Schemas.string())
                        .required("email", Schemas.email())
                        .required("password", Schemas.string().nonEmpty())
                        .optional("image", Schemas.string())
                        .optional("callbackURL", Schemas.string())
                        .optional("rememberMe", Schemas.bool())
                        .passthrough())
                .acceptForms()
                .formCsrf()
                .summary("Sign up a user using email and password")
                .tags("Email and password")
                .response(ResponseSchemas.TOKEN_AND_USER)
                .noStore()
                .errors("EMAIL_PASSWORD_SIGN_UP_DISABLED", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG",
                        "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "FAILED_TO_CREATE_USER", "FIELD_NOT_ALLOWED",
                        "MISSING_FIELD", "INVALID_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        EmailPasswordOptions options = plugin.options();
        String callbackUrl = ctx.bodyString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        if (!options.enabled() || options.disableSignUp()) {
            throw EmailPasswordErrorCodes.EMAIL_PASSWORD_SIGN_UP_DISABLED.toException(Status.BAD_REQUEST);
        }
        String password = ctx.bodyString("password").orElseThrow();
        plugin.passwordRules().requireAcceptable(password);
        boolean genericDuplicateAnswer = options.requireEmailVerification() || !options.autoSignIn();

        Postern postern = ctx.postern();
        UserService users = postern.users();
        boolean form = ctx.request().mediaType().map(Endpoint.FORM::equals).orElse(false);
        Map<String, Object> extra = users.inputFields().parse(ctx.body(), InputFields.Action.CREATE, form);
        Map<String, Object> data = new LinkedHashMap<>(extra);
        data.put("email", UserService.normalizeEmail(ctx.bodyString("email").orElseThrow()));
        data.put("name", ctx.bodyString("name").orElseThrow());
        data.put("image", ctx.bodyString("image").orElse(null));
        data.put("emailVerified", false);

        if (users.findByEmail((String) data.get("email")).isPresent()) {
            LOG.info("Sign-up attempt for an existing e-mail address");
            return duplicate(ctx, password, data, genericDuplicateAnswer);
        }
        // Hashed before anything is written, so a failing hasher cannot leave a user without a password.
        String hash = plugin.passwords().hash(password);
        Row user;
        try {
            user = postern.store().transaction(tx -> {
                Row created = users.in(tx).create(data);
                postern.accounts().in(tx).createCredential(created.id(), hash);
                return created;
            });
        } catch (UniqueViolationException raced) {
            // Another sign-up with the same address committed between the check and the insert.
            return duplicate(ctx, password, data, genericDuplicateAnswer);
        } catch (ApiException refused) {
            if (refused.status() == Status.FORBIDDEN && genericDuplicateAnswer) {
                return syntheticResponse(ctx, data);
            }
            throw refused;
        } catch (StoreUnavailableException down) {
            throw down;
        } catch (RuntimeException failed) {
            LOG.error("Failed to create user", failed);
            throw UserErrorCodes.FAILED_TO_CREATE_USER.toException(Status.UNPROCESSABLE_ENTITY);
        }

        if (options.emailVerification().sendsOnSignUp(options.requireEmailVerification())) {
            try {
                plugin.mailVerification(postern, user, callbackUrl);
            } catch (RuntimeException e) {
                // The account exists now; as better-auth's after-commit mail, a failed send is not a failed sign-up.
                LOG.warn("The verification e-mail after sign-up failed ({}); the sign-up itself succeeded",
                        e.getClass().getSimpleName());
            }
        }
        if (genericDuplicateAnswer) {
            return response(null, users.output(user));
        }
        Session session = postern.sessions().create(ctx, user, ctx.bodyBoolean("rememberMe", true));
        return response(session.token(), users.output(user));
    }

    private Object duplicate(EndpointContext ctx, String password, Map<String, Object> data, boolean generic) {
        if (!generic) {
            throw UserErrorCodes.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL.toException(Status.UNPROCESSABLE_ENTITY);
        }
        // The same work as a real sign-up, so the answer's timing does not give the account away either.
        plugin.passwords().hash(password);
        return syntheticResponse(ctx, data);
    }

    /** A user shaped exactly like a stored one (every returned field, defaults applied, fresh id), never stored. */
    private static Object syntheticResponse(EndpointContext ctx, Map<String, Object> data) {
        Instant now = ctx.postern().config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", Ids.generate());
        for (Field field : ctx.postern().schema().require(CoreSchema.USER).fields()) {
            String name = field.name();
            if (data.get(name) != null) {
                values.put(name, data.get(name));
            } else if (name.equals("createdAt") || name.equals("updatedAt")) {
                values.put(name, now);
            } else if (field.defaultValue() != null) {
                values.put(name, field.defaultValue().get());
            } else if (!field.required()) {
                values.put(name, null);
            }
        }
        return response(null, ctx.postern().users().output(new Row(values)));
    }

    private static Map<String, Object> response(String token, Map<String, Object> user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("user", user);
        return body;
    }
}
