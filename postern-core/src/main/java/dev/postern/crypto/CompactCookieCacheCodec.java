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
 * why {@link JsJson} must write exactly what {@code JSON.stringify} writes.
 */
final class CompactCookieCacheCodec implements CookieCacheCodec {
    private final Secret secret;
    private final Clock clock;

    CompactCookieCacheCodec(Secret secret, Clock clock) {
        this.secret = Objects.requireNonNull(secret, "secret");
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
        envelope.put("signature", Hmac.sign(secret, JsJson.stringify(signedPart(session, envelope.get("expiresAt")))));
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
        if (!Hmac.verify(secret, JsJson.stringify(signedPart(revived, expiresAt)), signature.stringValue())) {
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
