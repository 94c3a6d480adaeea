package dev.postern.plugin.onetimetoken;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.EndpointContext;
import dev.postern.session.Session;
import java.util.Optional;

/**
 * Issuing and redeeming one-time tokens: a verification row {@code one-time-token:<stored token>} holding
 * the session token, consumed on first use (an expired one is deleted all the same).
 */
final class OneTimeTokens {
    private static final String PREFIX = "one-time-token:";

    private final OneTimeTokenOptions options;

    OneTimeTokens(OneTimeTokenOptions options) {
        this.options = options;
    }

    String issue(EndpointContext ctx, Session session) {
        String token = options.generateToken() != null
                ? options.generateToken().apply(session, ctx)
                : Ids.random(32, Ids.URL_SAFE);
        ctx.postern().verifications().create(PREFIX + options.storeToken().apply(token), session.token(), options.expiresIn());
        return token;
    }

    /** The session token the one-time token stood for, once; empty when unknown, used or expired. */
    Optional<String> redeem(Postern postern, String token) {
        return postern.verifications().consume(PREFIX + options.storeToken().apply(token)).map(row -> row.string("value"));
    }
}
