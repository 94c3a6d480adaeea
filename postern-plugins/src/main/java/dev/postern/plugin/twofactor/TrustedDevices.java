package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.crypto.Hmac;
import dev.postern.crypto.Ids;
import dev.postern.crypto.Secret;
import dev.postern.endpoint.EndpointContext;
import dev.postern.session.AuthCookies;
import dev.postern.store.Row;
import java.time.Duration;
import java.util.Optional;

/**
 * Devices that skip the second factor for {@code trustDeviceMaxAge} (30 days), as better-auth trusts them:
 * a verification row {@code trust-device-<32 random>} holding the user id, and the signed cookie
 * {@code trust_device = <base64url(HMAC-SHA256(secret, "<userId>!<identifier>"))>!<identifier>}. Both must
 * hold: the MAC binds the cookie to its user, the row lets the server revoke it. Each use rotates both.
 */
final class TrustedDevices {
    static final String COOKIE = "trust_device";
    private static final String PREFIX = "trust-device-";

    private final Duration maxAge;

    TrustedDevices(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** Trusts the caller's device for {@code userId}: a new row and cookie; the {@code dont_remember} marker is expired. */
    void trust(EndpointContext ctx, String userId) {
        issue(ctx, userId);
        ctx.setCookie(ctx.postern().sessions().cookies().expired(AuthCookies.DONT_REMEMBER));
    }

    /** The identifier in the request's {@code trust_device} cookie, if it carries a validly signed one. */
    Optional<String> cookieIdentifier(EndpointContext ctx) {
        return cookieValue(ctx).flatMap(value -> {
            String[] parts = value.split("!", -1);
            return parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? Optional.of(parts[1]) : Optional.empty();
        });
    }

    Optional<String> cookieValue(EndpointContext ctx) {
        return ctx.postern().sessions().cookies().readSigned(ctx.request(), COOKIE);
    }

    /** Whether the request's cookie is a live trust of {@code userId}'s: MAC, row, owner and expiry all check out. */
    boolean isTrusted(EndpointContext ctx, String userId) {
        Optional<String> value = cookieValue(ctx);
        if (value.isEmpty()) {
            return false;
        }
        String[] parts = value.get().split("!", -1);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return false;
        }
        String identifier = parts[1];
        boolean macMatches = false;
        for (Secret secret : ctx.postern().config().secrets().all()) {
            macMatches |= Hmac.verify(secret, userId + "!" + identifier, parts[0]);
        }
        if (!macMatches) {
            return false;
        }
        Optional<Row> row = ctx.postern().verifications().find(identifier);
        return row.isPresent() && userId.equals(row.get().string("value"));
    }

    /** Replaces the trust the request used with a new one, so a copied cookie stops working after the next sign-in. */
    void rotate(EndpointContext ctx, String userId) {
        cookieIdentifier(ctx).ifPresent(identifier -> ctx.postern().verifications().delete(identifier));
        issue(ctx, userId);
    }

    private void issue(EndpointContext ctx, String userId) {
        Postern postern = ctx.postern();
        String identifier = PREFIX + Ids.random(32, Ids.URL_SAFE);
        postern.verifications().create(identifier, userId, maxAge);
        String mac = Hmac.sign(postern.config().secrets().current(), userId + "!" + identifier);
        ctx.setCookie(postern.sessions().cookies().signed(COOKIE, mac + "!" + identifier, maxAge));
    }

    /** Revokes the request's trust (its row) and expires the cookie; nothing when it carries none. */
    void revoke(EndpointContext ctx) {
        Optional<String> value = cookieValue(ctx);
        if (value.isEmpty()) {
            return;
        }
        cookieIdentifier(ctx).ifPresent(identifier -> ctx.postern().verifications().delete(identifier));
        ctx.setCookie(ctx.postern().sessions().cookies().expired(COOKIE));
    }

    void expireCookie(EndpointContext ctx) {
        ctx.setCookie(ctx.postern().sessions().cookies().expired(COOKIE));
    }
}
