package dev.postern.plugin.anonymous;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Issues;
import dev.postern.validation.Path;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.StringNode;

/**
 * {@code POST /sign-in/anonymous}: creates a user with {@code isAnonymous: true}, a made-up address and
 * the name "Anonymous", and signs it in. A caller who is already anonymous is refused, so one browser
 * cannot pile up anonymous users.
 */
final class SignInAnonymous {
    /** better-auth 1.7.25's {@code createPlaceholderEmail({namespace: "anonymous"})} domain. */
    static final String PLACEHOLDER_DOMAIN = "anonymous.placeholder.invalid";

    private final AnonymousOptions options;

    SignInAnonymous(AnonymousOptions options) {
        this.options = options;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-in/anonymous")
                .name("signInAnonymous")
                .summary("Sign in anonymously")
                .tags("Anonymous")
                .response(ResponseSchemas.TOKEN_AND_USER)
                .noStore()
                .errors("ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY", "INVALID_EMAIL_FORMAT")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        if (AnonymousUsers.anonymousSession(ctx).isPresent()) {
            throw AnonymousErrorCodes.ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY.toException(Status.BAD_REQUEST);
        }
        Postern postern = ctx.postern();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", email());
        data.put("emailVerified", false);
        data.put(AnonymousUsers.IS_ANONYMOUS, true);
        data.put("name", name(ctx));
        Row user = postern.users().create(data);
        Session session = postern.sessions().create(ctx, user, true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", session.token());
        body.put("user", postern.users().output(user));
        return body;
    }

    private String email() {
        if (options.generateRandomEmail() != null) {
            String custom = options.generateRandomEmail().get();
            if (custom != null && !custom.isEmpty()) {
                Issues issues = new Issues();
                Schemas.email().check(StringNode.valueOf(custom), Path.root("email"), issues);
                if (!issues.isEmpty()) {
                    throw AnonymousErrorCodes.INVALID_EMAIL_FORMAT.toException(Status.BAD_REQUEST);
                }
                return custom;
            }
        }
        String id = Ids.generate();
        return options.emailDomainName() != null
                ? "temp-" + id + "@" + options.emailDomainName()
                : id + "@" + PLACEHOLDER_DOMAIN;
    }

    private String name(EndpointContext ctx) {
        String generated = options.generateName() == null ? null : options.generateName().apply(ctx);
        return generated == null || generated.isEmpty() ? "Anonymous" : generated;
    }
}
