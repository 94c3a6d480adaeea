package dev.postern.plugin.passkey;

import dev.postern.crypto.Encodings;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.store.Row;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Pending WebAuthn challenges, kept as better-auth keeps them so either implementation can finish a
 * ceremony the other began: a {@code verification} row whose identifier is a random 32-character id and
 * whose value is {@code {type, expectedChallenge, userData, context}}, and the id in a signed cookie
 * ({@code advanced.webAuthnChallengeCookie}), both living five minutes. A challenge is consumed by the
 * first verification that reads it, successful or not, so it can never be replayed.
 */
final class Challenges {
    /** better-auth's {@code MAX_AGE_IN_SECONDS}. */
    static final Duration LIFETIME = Duration.ofSeconds(300);
    static final String REGISTRATION = "registration";
    static final String AUTHENTICATION = "authentication";

    private final String cookieKey;

    Challenges(PasskeyOptions options) {
        this.cookieKey = options.webAuthnChallengeCookie();
    }

    /** A fresh WebAuthn challenge: 32 random bytes, base64url without padding (SimpleWebAuthn's). */
    static String newChallenge() {
        return Encodings.base64UrlNoPad(Ids.bytes(32));
    }

    /** Records a challenge for this browser: the row and the signed cookie naming it. */
    void remember(EndpointContext ctx, String type, String challenge, Map<String, Object> userData, String context) {
        String id = Ids.random(32, Ids.ALPHANUMERIC);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", type);
        value.put("expectedChallenge", challenge);
        value.put("userData", userData);
        if (type.equals(REGISTRATION)) {
            value.put("context", context);
        }
        ctx.setCookie(ctx.postern().sessions().cookies().signed(cookieKey, id, LIFETIME));
        ctx.postern().verifications().create(id, Json.write(value), LIFETIME);
    }

    /**
     * Redeems the challenge this browser holds for a ceremony of {@code type}: 400 {@code CHALLENGE_NOT_FOUND}
     * when the cookie is missing or forged, the row is gone or expired, or it was issued for the other ceremony.
     */
    Pending consume(EndpointContext ctx, String type) {
        String id = ctx.postern().sessions().cookies().readSigned(ctx.request(), cookieKey)
                .orElseThrow(Challenges::notFound);
        Row row = ctx.postern().verifications().consume(id).orElseThrow(Challenges::notFound);
        JsonNode value;
        try {
            value = Json.parse(row.string("value"));
        } catch (RuntimeException e) {
            throw notFound();
        }
        if (!type.equals(text(value.get("type"))) || text(value.get("expectedChallenge")) == null) {
            throw notFound();
        }
        JsonNode user = value.get("userData");
        return new Pending(text(value.get("expectedChallenge")),
                user == null ? null : new PasskeyRegistration.User(text(user.get("id")), text(user.get("name")),
                        text(user.get("displayName"))),
                text(value.get("context")));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static RuntimeException notFound() {
        return PasskeyErrorCodes.CHALLENGE_NOT_FOUND.toException(Status.BAD_REQUEST);
    }

    /**
     * A redeemed challenge, the user it was issued to (id {@code ""} for a sign-in started signed out) and
     * the registration's {@code context}.
     */
    record Pending(String expectedChallenge, PasskeyRegistration.User user, String context) {
        String userId() {
            return user == null ? null : user.id();
        }
    }
}
