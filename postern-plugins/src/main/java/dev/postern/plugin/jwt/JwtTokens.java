package dev.postern.plugin.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import dev.postern.Postern;
import dev.postern.json.Json;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.session.Session;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Signs and verifies the plugin's tokens as better-auth's {@code signJWT}, {@code getJwtToken} and
 * {@code verifyJWT} do: header {@code {alg, kid}}; claims = the payload, then {@code exp} (the payload's,
 * else {@code iat}-or-now plus {@code jwt.expirationTime}), {@code iss} and {@code aud} (the payload's,
 * else the options', else the base URL's origin).
 */
public final class JwtTokens {
    private final JwtOptions options;
    private final SigningKeys keys;
    private final Postern postern;
    private final Clock clock;

    JwtTokens(JwtOptions options, SigningKeys keys, Postern postern) {
        this.options = options;
        this.keys = keys;
        this.postern = postern;
        this.clock = postern.config().clock();
    }

    /** The token of a session: {@code iat}, the user (or {@code definePayload}), {@code sub}. */
    public String forSession(Session session) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iat", nowSeconds());
        payload.putAll(options.definePayload().map(define -> define.apply(session))
                .orElseGet(() -> Output.of(postern.schema(), CoreSchema.USER, session.user())));
        payload.put("sub", options.getSubject().map(subject -> subject.apply(session)).orElse(session.userId()));
        return sign(payload, options);
    }

    /** Signs {@code payload} with the current key under the plugin's options. */
    public String sign(Map<String, ?> payload) {
        return sign(payload, options);
    }

    String sign(Map<String, ?> payload, JwtOptions with) {
        Map<String, Object> claims = new LinkedHashMap<>(payload);
        Object iat = payload.get("iat");
        long from = iat instanceof Number n ? n.longValue() : nowSeconds();
        Object exp = payload.get("exp");
        claims.put("exp", exp != null ? exp : from + TimeSpans.seconds(with.expirationTime()));
        claims.put("iss", payload.get("iss") != null ? payload.get("iss") : issuer(with));
        claims.put("aud", payload.get("aud") != null ? payload.get("aud") : audienceClaim(with));
        SigningKeys.Signing signing = keys.current();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(signing.alg().jws()).keyID(signing.key().id()).build(),
                new Payload(Json.write(claims)));
        try {
            jws.sign(signing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing with JWKS key " + signing.key().id() + " failed", e);
        }
        return jws.serialize();
    }

    /**
     * The claims of {@code token} when one of the stored keys signed it (its {@code kid}, its algorithm),
     * it has not expired, is already valid, names the expected issuer (or {@code issuer} when given) and
     * audience, and has {@code sub} and {@code aud}; empty otherwise, whatever the reason, as better-auth's
     * {@code verifyJWT} returns null.
     */
    public Optional<Map<String, Object>> verify(String token, Optional<String> issuer) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            return Optional.empty();
        }
        String kid = jws.getHeader().getKeyID();
        if (kid == null) {
            return Optional.empty();
        }
        Optional<SigningKeys.Verification> verification = keys.verifier(kid);
        if (verification.isEmpty() || !jws.getHeader().getAlgorithm().getName().equals(verification.get().alg().jwaName())) {
            return Optional.empty();
        }
        try {
            if (!jws.verify(verification.get().verifier())) {
                return Optional.empty();
            }
        } catch (JOSEException e) {
            return Optional.empty();
        }
        JsonNode claims;
        try {
            claims = Json.parse(jws.getPayload().toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!claims.isObject() || !validClaims(claims, issuer.orElseGet(() -> issuer(options)))) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = Json.convert(claims, LinkedHashMap.class);
        return Optional.of(payload);
    }

    private boolean validClaims(JsonNode claims, String expectedIssuer) {
        long now = nowSeconds();
        JsonNode exp = claims.get("exp");
        if (exp != null && (!exp.isNumber() || exp.asDouble() <= now)) {
            return false;
        }
        JsonNode nbf = claims.get("nbf");
        if (nbf != null && (!nbf.isNumber() || nbf.asDouble() > now)) {
            return false;
        }
        JsonNode iss = claims.get("iss");
        if (iss == null || !iss.isString() || !iss.asString().equals(expectedIssuer)) {
            return false;
        }
        JsonNode sub = claims.get("sub");
        if (sub == null || !sub.isString() || sub.asString().isEmpty()) {
            return false;
        }
        List<String> expected = audiences(options);
        JsonNode aud = claims.get("aud");
        if (aud == null) {
            return false;
        }
        if (aud.isString()) {
            return expected.contains(aud.asString());
        }
        if (aud.isArray()) {
            for (JsonNode value : aud) {
                if (value.isString() && expected.contains(value.asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private String issuer(JwtOptions with) {
        return with.issuer().orElse(postern.config().origin());
    }

    private List<String> audiences(JwtOptions with) {
        return with.audience().isEmpty() ? List.of(postern.config().origin()) : with.audience();
    }

    private Object audienceClaim(JwtOptions with) {
        List<String> audiences = audiences(with);
        return audiences.size() == 1 ? audiences.get(0) : audiences;
    }

    private long nowSeconds() {
        return clock.instant().getEpochSecond();
    }
}
