package dev.postern.plugin.onetimetoken;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.plugin.session.SessionResponses;
import dev.postern.session.Session;
import dev.postern.validation.Schemas;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /one-time-token/generate} (signed in: a token for the current session) and
 * {@code POST /one-time-token/verify} (the token, once, for {@code {session, user}} and the session
 * cookie): how an app hands a session to another context, such as a browser opened from a native app.
 * Failures carry a message and no code, as better-auth's {@code ctx.error} answers do.
 */
final class OneTimeTokenEndpoints {
    private final OneTimeTokenOptions options;
    private final OneTimeTokens tokens;

    OneTimeTokenEndpoints(OneTimeTokenOptions options, OneTimeTokens tokens) {
        this.options = options;
        this.tokens = tokens;
    }

    List<Endpoint> all() {
        return List.of(generate(), verify());
    }

    private Endpoint generate() {
        return Endpoint.get("/one-time-token/generate")
                .name("generateOneTimeToken")
                .summary("Generate a one-time token for the current session")
                .tags("One-time token")
                .response(ResponseSchemas.object(Map.of("token", ResponseSchemas.string()), "token"))
                .noStore()
                .errors("UNAUTHORIZED")
                .handler(this::handleGenerate)
                .build();
    }

    private Object handleGenerate(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        if (options.disableClientRequest() && ctx.isHttp()) {
            throw ApiException.message(Status.BAD_REQUEST, "Client requests are disabled");
        }
        return Map.of("token", tokens.issue(ctx, session));
    }

    private Endpoint verify() {
        return Endpoint.post("/one-time-token/verify")
                .name("verifyOneTimeToken")
                .body(Schemas.object().required("token", Schemas.string()))
                .summary("Redeem a one-time token for its session")
                .tags("One-time token")
                .response(ResponseSchemas.object(ResponseSchemas.ordered(
                        "session", ResponseSchemas.SESSION, "user", ResponseSchemas.USER), "session", "user"))
                .noStore()
                .handler(this::handleVerify)
                .build();
    }

    private Object handleVerify(EndpointContext ctx) {
        String sessionToken = tokens.redeem(ctx.postern(), ctx.bodyString("token").orElseThrow())
                .orElseThrow(() -> ApiException.message(Status.BAD_REQUEST, "Invalid token"));
        Session session = ctx.postern().sessions().findByToken(sessionToken)
                .orElseThrow(() -> ApiException.message(Status.BAD_REQUEST, "Session not found"));
        if (session.expiresAt().isBefore(ctx.postern().config().clock().instant())) {
            throw ApiException.message(Status.BAD_REQUEST, "Session expired");
        }
        if (!options.disableSetSessionCookie()) {
            ctx.postern().sessions().setCookies(ctx, session);
        }
        return SessionResponses.sessionAndUser(ctx.postern(), session);
    }
}
