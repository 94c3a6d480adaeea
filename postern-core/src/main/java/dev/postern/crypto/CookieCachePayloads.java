package dev.postern.crypto;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every cookie-cache strategy does to the session data besides encoding it: date revival as
 * better-auth's {@code safeJSONParse} performs it, and the schema check of its
 * {@code parseCookieCachePayload} ({@code session} and {@code user} shaped like the core tables,
 * {@code updatedAt} a number, {@code version} a string when present).
 */
final class CookieCachePayloads {
    private CookieCachePayloads() {
    }

    /**
     * A copy in which every string better-auth would revive into a {@code Date} is written as that
     * date's {@code toISOString()}: the form JavaScript signs and re-serialises.
     */
    static JsonNode withCanonicalDates(JsonNode node) {
        if (node.isString()) {
            String canonical = JsDates.canonical(node.stringValue());
            return canonical.equals(node.stringValue()) ? node : JsonNodeFactory.instance.stringNode(canonical);
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), withCanonicalDates(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(item -> copy.add(withCanonicalDates(item)));
            return copy;
        }
        return node;
    }

    static ObjectNode withCanonicalDates(ObjectNode node) {
        return (ObjectNode) withCanonicalDates((JsonNode) node);
    }

    /** Whether better-auth's {@code cookieCachePayloadSchema} accepts the (revived) payload. */
    static boolean isWellFormed(JsonNode payload) {
        JsonNode session = payload.get("session");
        JsonNode user = payload.get("user");
        JsonNode updatedAt = payload.get("updatedAt");
        JsonNode version = payload.get("version");
        return payload.isObject()
                && session != null && session.isObject() && isWellFormedSession(session)
                && user != null && user.isObject() && isWellFormedUser(user)
                && updatedAt != null && updatedAt.isNumber()
                && (version == null || version.isString());
    }

    /**
     * The cached session in the claims of a {@code jwt} or {@code jwe} cookie: the claims without the
     * JWT's own {@code iat}, {@code exp} and {@code jti}, cached until {@code exp}.
     */
    static Optional<CachedSession> fromClaims(ObjectNode claims, Instant now) {
        JsonNode exp = claims.get("exp");
        // better-auth takes exp * 1000 as milliseconds, and "now" for a token without exp; the cast saturates.
        Instant cacheExpiresAt = exp == null ? now : Instant.ofEpochMilli((long) (exp.doubleValue() * 1000));
        ObjectNode payload = withCanonicalDates(claims);
        payload.remove(List.of("iat", "exp", "jti"));
        return usable(payload, cacheExpiresAt, now);
    }

    /**
     * The cached session when the (revived) payload is well formed and neither the cache entry nor the
     * session inside it has expired at {@code now}; these are the checks of better-auth's
     * {@code getSession} after decoding.
     */
    static Optional<CachedSession> usable(ObjectNode payload, Instant cacheExpiresAt, Instant now) {
        if (!isWellFormed(payload) || cacheExpiresAt.isBefore(now)) {
            return Optional.empty();
        }
        Instant sessionExpiresAt = JsDates.revive(payload.get("session").get("expiresAt").stringValue()).orElseThrow();
        return sessionExpiresAt.isBefore(now) ? Optional.empty() : Optional.of(new CachedSession(payload, cacheExpiresAt));
    }

    private static boolean isWellFormedSession(JsonNode session) {
        // userId is z.coerce.string(): anything passes.
        return hasCoreFields(session)
                && isDate(session.get("expiresAt"))
                && isString(session.get("token"))
                && isNullishString(session.get("ipAddress"))
                && isNullishString(session.get("userAgent"));
    }

    private static boolean isWellFormedUser(JsonNode user) {
        JsonNode emailVerified = user.get("emailVerified");
        return hasCoreFields(user)
                && isString(user.get("email"))
                && (emailVerified == null || emailVerified.isBoolean())
                && isString(user.get("name"))
                && isNullishString(user.get("image"));
    }

    /** {@code id} a string; {@code createdAt}/{@code updatedAt} dates or absent (zod defaults them). */
    private static boolean hasCoreFields(JsonNode row) {
        JsonNode createdAt = row.get("createdAt");
        JsonNode updatedAt = row.get("updatedAt");
        return isString(row.get("id"))
                && (createdAt == null || isDate(createdAt))
                && (updatedAt == null || isDate(updatedAt));
    }

    private static boolean isString(JsonNode node) {
        return node != null && node.isString();
    }

    private static boolean isNullishString(JsonNode node) {
        return node == null || node.isNull() || node.isString();
    }

    private static boolean isDate(JsonNode node) {
        return node != null && node.isString() && JsDates.revive(node.stringValue()).isPresent();
    }
}
