package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import dev.postern.security.RedirectPolicy;
import dev.postern.session.ClientIp;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /send-verification-email} and {@code GET /verify-email}: mailing a verification link and
 * redeeming one, including the links of a change of address ({@link ChangeOfAddress}).
 *
 * <p>Without a session, sending always answers {@code {status:true}} and never in less than 500 ms, so
 * neither the answer nor its timing tells whether the address has an unverified account.
 */
final class EmailVerification {
    static final Duration MINIMUM_ANONYMOUS_RESPONSE_TIME = Duration.ofMillis(500);

    private final EmailPasswordPlugin plugin;

    EmailVerification(EmailPasswordPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint sendEndpoint() {
        return Endpoint.post("/send-verification-email")
                .name("sendVerificationEmail")
                .body(Schemas.object()
                        .required("email", Schemas.email())
                        .optional("callbackURL", Schemas.string()))
                .summary("Send a verification email to the user")
                .tags("Email verification")
                .response(ResponseSchemas.STATUS)
                .errors("EMAIL_MISMATCH", "EMAIL_ALREADY_VERIFIED", "INVALID_CALLBACK_URL")
                .handler(this::send)
                .build();
    }

    Endpoint verifyEndpoint() {
        return Endpoint.get("/verify-email")
                .name("verifyEmail")
                .query(Schemas.object()
                        .required("token", Schemas.string())
                        .optional("callbackURL", Schemas.string()))
                .summary("Verify the email of the user")
                .tags("Email verification")
                .response(ResponseSchemas.object(ResponseSchemas.ordered("status", ResponseSchemas.bool(),
                        "user", ResponseSchemas.USER), "status"))
                .errors("TOKEN_EXPIRED", "INVALID_TOKEN", "USER_NOT_FOUND", "INVALID_USER", "INVALID_CALLBACK_URL")
                .handler(this::verify)
                .build();
    }

    private Object send(EndpointContext ctx) {
        String callbackUrl = ctx.bodyString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        String email = ctx.bodyString("email").orElseThrow();
        Postern postern = ctx.postern();
        Optional<Session> session = postern.sessions().current(ctx);
        if (session.isEmpty()) {
            return sendAnonymously(ctx, email, callbackUrl);
        }
        Row user = session.get().user();
        if (!String.valueOf(user.string("email")).equalsIgnoreCase(email)) {
            throw EmailPasswordErrorCodes.EMAIL_MISMATCH.toException(Status.BAD_REQUEST);
        }
        if (Boolean.TRUE.equals(user.bool("emailVerified"))) {
            throw EmailPasswordErrorCodes.EMAIL_ALREADY_VERIFIED.toException(Status.BAD_REQUEST);
        }
        mailLink(postern, user, callbackUrl);
        return Map.of("status", true);
    }

    private Object sendAnonymously(EndpointContext ctx, String email, String callbackUrl) {
        long start = System.nanoTime();
        Postern postern = ctx.postern();
        RuntimeException failure = null;
        Optional<Row> user = postern.users().findByEmail(email);
        if (user.isEmpty() || Boolean.TRUE.equals(user.get().bool("emailVerified"))) {
            plugin.verificationTokens(postern.config()).forAddress(email, null);
        } else {
            try {
                mailLink(postern, user.get(), callbackUrl);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        waitUntil(start, MINIMUM_ANONYMOUS_RESPONSE_TIME);
        if (failure != null) {
            throw failure;
        }
        return Map.of("status", true);
    }

    /** Mails {@code user} what verifies their current address (a link, unless another plugin replaced it). */
    void mailLink(Postern postern, Row user, String callbackUrl) {
        plugin.mailVerification(postern, user, callbackUrl);
    }

    private Object verify(EndpointContext ctx) {
        String callbackUrl = ctx.queryString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        Postern postern = ctx.postern();
        EmailVerificationTokens.Verified token = plugin.verificationTokens(postern.config())
                .verify(ctx.queryString("token").orElseThrow());
        if (!token.valid()) {
            throw failure(callbackUrl, token.errorCode().equals(EmailPasswordErrorCodes.TOKEN_EXPIRED.code())
                    ? EmailPasswordErrorCodes.TOKEN_EXPIRED : EmailPasswordErrorCodes.INVALID_TOKEN);
        }
        String email = token.claim("email").filter(SignIn::isEmailAddress)
                .orElseThrow(() -> failure(callbackUrl, EmailPasswordErrorCodes.INVALID_TOKEN));
        if (token.claim("updateTo").isPresent()) {
            return new ChangeOfAddress(plugin, ctx, callbackUrl).apply(token, email);
        }
        Row user = postern.users().findByEmail(email)
                .orElseThrow(() -> failure(callbackUrl, UserErrorCodes.USER_NOT_FOUND));
        Optional<String> boundTo = token.claim("userId");
        if (boundTo.isPresent() && !boundTo.get().equals(user.id())) {
            throw failure(callbackUrl, EmailPasswordErrorCodes.INVALID_TOKEN);
        }
        if (!Boolean.TRUE.equals(user.bool("emailVerified"))) {
            Row verified = postern.users().update(user.id(), Map.of("emailVerified", true))
                    .orElseThrow(() -> failure(callbackUrl, UserErrorCodes.USER_NOT_FOUND));
            if (plugin.options().emailVerification().autoSignInAfterVerification()) {
                signIn(ctx, verified, email);
            }
        }
        return done(callbackUrl, null);
    }

    /** Starts a session for the verified user, or refreshes the cookies of the one already signed in as them. */
    private static void signIn(EndpointContext ctx, Row verified, String email) {
        Postern postern = ctx.postern();
        Optional<Session> current = postern.sessions().current(ctx);
        if (current.isPresent() && email.equals(current.get().user().string("email"))) {
            postern.sessions().setCookies(ctx, current.get().withUser(verified));
            return;
        }
        Session session = postern.sessions().createWithoutCookies(verified,
                ClientIp.of(ctx.request(), postern.config().production()),
                ctx.request().header("User-Agent").orElse(""), true);
        postern.sessions().setCookies(ctx, session);
    }

    /** The end of a successful verification: a 302 to {@code callbackURL}, or {@code {status:true, user}}. */
    static Object done(String callbackUrl, Map<String, Object> user) {
        if (callbackUrl != null && !callbackUrl.isEmpty()) {
            throw ApiException.redirect(callbackUrl);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("user", user);
        return body;
    }

    /** A failed verification: a 302 to {@code callbackURL?error=<CODE>}, or 401 with the code. */
    static ApiException failure(String callbackUrl, ErrorCode code) {
        if (callbackUrl != null && !callbackUrl.isEmpty()) {
            return ApiException.redirect(CallbackUrls.appendParameter(callbackUrl, "error", code.code()));
        }
        return code.toException(Status.UNAUTHORIZED);
    }

    private static void waitUntil(long startNanos, Duration minimum) {
        long remaining = minimum.toNanos() - (System.nanoTime() - startNanos);
        if (remaining <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(remaining));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
