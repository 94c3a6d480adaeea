package dev.postern.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code compact} cookie cache: {@code base64url(JSON.stringify({session, expiresAt, signature}))}
 * where {@code signature = base64url(HMAC(secret, JSON.stringify({...session, expiresAt})))}. The
 * verifier re-serialises the parsed (and date-revived) object before checking the signature, which is
 * why {@link JsJson} must write exactly what {@code JSON.stringify} writes. Signed with the current
 * secret of the ring, accepted when any of its secrets signed it.
 */
final class CompactCookieCacheCodec implements CookieCacheCodec {
    private final SecretRing ring;
    private final Clock clock;

    CompactCookieCacheCodec(SecretRing ring, Clock clock) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String encode(ObjectNode sessionData, Duration lifetime) {
        // Canonical dates make the signed text equal to what the JavaScript verifier re-serialises.
        ObjectNode session = CookieCachePayloads.withCanonicalDates(sessionData);
        long expiresAt = clock.millis() + lifetime.toMillis();
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set("session", session);
        envelope.put("expiresAt", expiresAt);
        envelope.put("signature", Hmac.sign(ring.current(), JsJson.stringify(signedPart(session, envelope.get("expiresAt")))));
        return Encodings.base64UrlNoPad(Utf8.encode(JsJson.stringify(envelope)));
    }

    @Override
    public Optional<CachedSession> decode(String cookieValue) {
        Optional<ObjectNode> envelope = Encodings.decodeBase64EitherAlphabet(cookieValue)
                .flatMap(bytes -> JsonObjects.parse(new String(bytes, StandardCharsets.UTF_8)));
        if (envelope.isEmpty()) {
            return Optional.empty();
        }
        JsonNode session = envelope.get().get("session");
        JsonNode expiresAt = envelope.get().get("expiresAt");
        JsonNode signature = envelope.get().get("signature");
        if (session == null || !session.isObject() || expiresAt == null || !expiresAt.isNumber()
                || signature == null || !signature.isString()) {
            return Optional.empty();
        }
        ObjectNode revived = CookieCachePayloads.withCanonicalDates((ObjectNode) session);
        String signed = JsJson.stringify(signedPart(revived, expiresAt));
        if (ring.all().stream().noneMatch(secret -> Hmac.verify(secret, signed, signature.stringValue()))) {
            return Optional.empty();
        }
        return CookieCachePayloads.usable(revived, Instant.ofEpochMilli((long) expiresAt.doubleValue()), clock.instant());
    }

    @Override
    public Duration lifetimeWhenNotRemembered() {
        return Duration.ofSeconds(60);
    }

    /** {@code {...session, expiresAt}}: an existing {@code expiresAt} key keeps its place, as with the spread. */
    private static ObjectNode signedPart(ObjectNode session, JsonNode expiresAt) {
        ObjectNode signed = session.deepCopy();
        signed.set("expiresAt", expiresAt);
        return signed;
    }
}
