package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.session.AuthCookies;
import dev.postern.session.Session;
import dev.postern.session.SessionLookup;
import dev.postern.store.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who a verify or send-otp call is about, as better-auth's {@code verifyTwoFactor} decides it: the user of
 * the request's session (enrolment, or managing 2FA while signed in), or else the user of a pending
 * sign-in challenge named by the signed {@code two_factor} cookie. Completing a challenge consumes it,
 * starts the session and can trust the device.
 *
 * <p>A challenge is the verification row {@code 2fa-<20 random>} (value: the user id) plus an attempt
 * counter {@code 2fa-attempts-<id>}; each verification consumes the counter and puts it back one higher on
 * failure, so at most {@value #ALLOWED_ATTEMPTS} guesses are made per challenge even when requests race.
 */
final class SignInChallenge {
    static final String COOKIE = "two_factor";
    static final int ALLOWED_ATTEMPTS = 5;
    private static final String PREFIX = "2fa-";
    private static final String ATTEMPTS_PREFIX = "2fa-attempts-";

    private final TwoFactorPlugin plugin;
    private final Row user;
    private final Session session;
    private final String challengeId;
    private final Instant challengeExpiresAt;

    private SignInChallenge(TwoFactorPlugin plugin, Row user, Session session, String challengeId, Instant expiresAt) {
        this.plugin = plugin;
        this.user = user;
        this.session = session;
        this.challengeId = challengeId;
        this.challengeExpiresAt = expiresAt;
    }

    /** Opens a challenge for {@code user} after a password sign-in: rows and the signed cookie. */
    static void open(EndpointContext ctx, Row user, Duration maxAge) {
        Postern postern = ctx.postern();
        String identifier = PREFIX + Ids.random(20, Ids.URL_SAFE);
        postern.verifications().create(identifier, user.id(), maxAge);
        postern.verifications().create(ATTEMPTS_PREFIX + identifier, "0", maxAge);
        ctx.setCookie(postern.sessions().cookies().signed(COOKIE, identifier, maxAge));
    }

    /** The session's user, else the challenge's; 401 {@code INVALID_TWO_FACTOR_COOKIE} when there is neither. */
    static SignInChallenge resolve(EndpointContext ctx, TwoFactorPlugin plugin) {
        Postern postern = ctx.postern();
        Optional<Session> session = postern.sessions().lookup(ctx, SessionLookup.Options.AUTHORITATIVE).session();
        if (session.isPresent()) {
            return new SignInChallenge(plugin, session.get().user(), session.get(), null, null);
        }
        String identifier = postern.sessions().cookies().readSigned(ctx.request(), COOKIE)
                .orElseThrow(SignInChallenge::invalidCookie);
        Row challenge = postern.verifications().find(identifier).orElseThrow(SignInChallenge::invalidCookie);
        Row user = postern.users().findById(challenge.string("value")).orElseThrow(SignInChallenge::invalidCookie);
        return new SignInChallenge(plugin, user, null, identifier, challenge.instant("expiresAt"));
    }

    Row user() {
        return user;
    }

    /** The signed-in session, when this is not a sign-in challenge. */
    Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    boolean isSignIn() {
        return session == null;
    }

    /** better-auth's OTP key: the challenge id during sign-in, else {@code <userId>!<sessionId>}. */
    String key() {
        return isSignIn() ? challengeId : user.id() + "!" + session.session().id();
    }

    /**
     * Takes one attempt from the challenge's budget (nothing outside sign-in). When the budget is spent the
     * challenge is burnt: 400 {@code TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE}, and the user signs in again.
     */
    Attempt beginAttempt(EndpointContext ctx) {
        if (!isSignIn()) {
            return Attempt.NONE;
        }
        Postern postern = ctx.postern();
        String counterId = ATTEMPTS_PREFIX + challengeId;
        Row counter = postern.verifications().consume(counterId).orElseThrow(SignInChallenge::invalidCookie);
        int attempts = parseAttempts(counter.string("value"));
        if (attempts >= ALLOWED_ATTEMPTS) {
            postern.verifications().consume(challengeId);
            ctx.setCookie(postern.sessions().cookies().expired(COOKIE));
            throw TwoFactorErrorCodes.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE.toException(Status.BAD_REQUEST);
        }
        return new Attempt(() -> rearm(postern, counterId, attempts + 1), () -> rearm(postern, counterId, attempts));
    }

    private void rearm(Postern postern, String counterId, int attempts) {
        Duration left = Duration.between(postern.config().clock().instant(), challengeExpiresAt);
        if (!left.isNegative() && !left.isZero()) {
            postern.verifications().create(counterId, Integer.toString(attempts), left);
        }
    }

    private static int parseAttempts(String value) {
        try {
            int parsed = Integer.parseInt(value);
            return parsed >= 0 ? parsed : ALLOWED_ATTEMPTS;
        } catch (NumberFormatException e) {
            return ALLOWED_ATTEMPTS;
        }
    }

    /**
     * The answer of a successful verification. In a session: its token and user. For a challenge: consumes
     * it, starts the session (keeping a "don't remember" sign-in's choice), expires {@code two_factor} and,
     * with {@code trustDevice}, trusts the device.
     */
    Map<String, Object> complete(EndpointContext ctx) {
        Postern postern = ctx.postern();
        if (!isSignIn()) {
            return tokenAndUser(postern, session.token(), session.user());
        }
        AuthCookies cookies = postern.sessions().cookies();
        Optional<Row> consumed = postern.verifications().consume(challengeId);
        if (consumed.isEmpty() || !user.id().equals(consumed.get().string("value"))) {
            ctx.setCookie(cookies.expired(COOKIE));
            throw invalidCookie();
        }
        boolean dontRemember = cookies.readSigned(ctx.request(), AuthCookies.DONT_REMEMBER).isPresent();
        Session created = postern.sessions().create(ctx, user, !dontRemember);
        ctx.setCookie(cookies.expired(COOKIE));
        if (ctx.bodyBoolean("trustDevice", false)) {
            plugin.trustedDevices().trust(ctx, user.id());
        }
        return tokenAndUser(postern, created.token(), user);
    }

    static Map<String, Object> tokenAndUser(Postern postern, String token, Row user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("user", postern.users().output(user));
        return body;
    }

    static ApiException invalidCookie() {
        return TwoFactorErrorCodes.INVALID_TWO_FACTOR_COOKIE.toException(Status.UNAUTHORIZED);
    }

    /** One attempt: record a failure (budget minus one) or restore it (an error that was not the user's guess). */
    record Attempt(Runnable recordFailure, Runnable restore) {
        static final Attempt NONE = new Attempt(() -> { }, () -> { });
    }
}
