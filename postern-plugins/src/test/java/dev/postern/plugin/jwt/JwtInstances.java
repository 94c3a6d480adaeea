package dev.postern.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.security.Key;
import java.time.Instant;

/** Postern with the core routes and the jwt plugin, and an independent check of its tokens. */
final class JwtInstances {
    private JwtInstances() {
    }

    static TestPostern start(TestDatabase database, JwtOptions options) {
        return TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new JwtPlugin(options))
                .start();
    }

    static TestPostern start(TestDatabase.Instance database, JwtOptions options, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new JwtPlugin(options))
                .configure(b -> b.clock(clock))
                .start();
    }

    static MutableClock clockAtNow() {
        return new MutableClock(Instant.now());
    }

    /** A signed-in browser-like client. */
    static TestClient signedIn(TestPostern auth, String email) {
        TestClient client = auth.client();
        Users.signUp(client, email);
        return client;
    }

    static JwtPlugin plugin(TestPostern auth) {
        return auth.postern().plugin(JwtPlugin.class).orElseThrow();
    }

    /** The key set as served over HTTP, parsed by Nimbus as any relying party would. */
    static JWKSet jwks(TestPostern auth, String path) throws Exception {
        return JWKSet.parse(auth.client().get(path).assertStatus(200).body());
    }

    /** Verifies {@code token}'s signature with the key of its kid in the served key set; returns the JWS. */
    static JWSObject verifiedWith(JWKSet set, String token) throws Exception {
        JWSObject jws = JWSObject.parse(token);
        JWK jwk = set.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jwk).as("kid %s is in the key set", jws.getHeader().getKeyID()).isNotNull();
        Key key = switch (jwk.getKeyType().getValue()) {
            case "OKP" -> null;
            case "EC" -> jwk.toECKey().toECPublicKey();
            default -> jwk.toRSAKey().toRSAPublicKey();
        };
        boolean valid = key == null
                ? jws.verify(new com.nimbusds.jose.crypto.Ed25519Verifier(jwk.toOctetKeyPair()))
                : jws.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(), key));
        assertThat(valid).as("signature of %s verifies", token).isTrue();
        return jws;
    }
}
