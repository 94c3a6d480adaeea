package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import dev.postern.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SymmetricJweTest {
    private static final Secret SECRET = Secret.of("better-auth-secret-12345678901234567890");
    private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

    private static SymmetricJwe jwe(String salt, Instant now) {
        return new SymmetricJwe(SECRET, salt, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ObjectNode claims() {
        ObjectNode claims = Json.object();
        claims.put("accountId", "acc-1");
        return claims;
    }

    @Test
    void headerIsDirA256CbcHs512WithTheKeyThumbprintAsKid() throws Exception {
        SymmetricJwe session = jwe(SymmetricJwe.SESSION_SALT, NOW);
        JWEHeader header = JWEObject.parse(session.encode(claims(), Duration.ofMinutes(5))).getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(JWEAlgorithm.DIR);
        assertThat(header.getEncryptionMethod()).isEqualTo(EncryptionMethod.A256CBC_HS512);
        assertThat(header.getKeyID()).isEqualTo(session.keyId()).hasSize(43);
    }

    @Test
    void claimsGainIatExpAndAJti() {
        ObjectNode decoded = jwe(SymmetricJwe.ACCOUNT_SALT, NOW)
                .decode(jwe(SymmetricJwe.ACCOUNT_SALT, NOW).encode(claims(), Duration.ofMinutes(5))).orElseThrow();
        assertThat(decoded.propertyNames()).containsExactly("accountId", "iat", "exp", "jti");
        assertThat(decoded.get("exp").longValue()).isEqualTo(NOW.getEpochSecond() + 300);
        assertThat(decoded.get("jti").stringValue()).matches("[0-9a-f-]{36}");
    }

    @Test
    void eachSaltDerivesItsOwnKey() {
        String token = jwe(SymmetricJwe.ACCOUNT_SALT, NOW).encode(claims(), Duration.ofMinutes(5));
        assertThat(jwe(SymmetricJwe.SESSION_SALT, NOW).decode(token)).isEmpty();
        assertThat(jwe(SymmetricJwe.SESSION_SALT, NOW).keyId()).isNotEqualTo(jwe(SymmetricJwe.ACCOUNT_SALT, NOW).keyId());
    }

    @Test
    void expiredTokenDecodesOnlyWithinFifteenSecondsOfTolerance() {
        String token = jwe(SymmetricJwe.SESSION_SALT, NOW).encode(claims(), Duration.ofMinutes(5));
        assertThat(jwe(SymmetricJwe.SESSION_SALT, NOW.plusSeconds(314)).decode(token)).isPresent();
        assertThat(jwe(SymmetricJwe.SESSION_SALT, NOW.plusSeconds(315)).decode(token)).isEmpty();
    }

    @Test
    void tokenWithoutKidIsDecryptedWithTheCurrentKey() throws Exception {
        byte[] key = SymmetricJwe.deriveKey(SECRET, SymmetricJwe.SESSION_SALT);
        JWEObject noKid = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512),
                new Payload("{\"a\":1}"));
        noKid.encrypt(new DirectEncrypter(key));
        assertThat(jwe(SymmetricJwe.SESSION_SALT, NOW).decode(noKid.serialize())).isPresent();
    }

    @Test
    void a256GcmIsAcceptedAsAnAlgorithmButCannotDecryptWithTheSixtyFourByteKeyAsInJose() throws Exception {
        byte[] key = SymmetricJwe.deriveKey(SECRET, SymmetricJwe.SESSION_SALT);
        JWEObject gcm = new JWEObject(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload("{\"a\":1}"));
        gcm.encrypt(new DirectEncrypter(Arrays.copyOf(key, 32)));
        assertThat(jwe(SymmetricJwe.SESSION_SALT, NOW).decode(gcm.serialize())).isEmpty();
    }
}
