package dev.postern.plugin.onetap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

/**
 * Plays Google for One Tap: serves a JWKS with a key pair the test generated, and mints ID tokens signed
 * with it (or with a key Google never published).
 */
final class FakeGoogle implements AutoCloseable {
    static final String CLIENT_ID = "1234567890-test.apps.googleusercontent.com";

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey stranger;

    private FakeGoogle() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("google-key-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("google-key-1").generate();
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/v3/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
    }

    static FakeGoogle start() {
        try {
            return new FakeGoogle();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/v3/certs");
    }

    /** The claims of a typical One Tap token for {@code sub}, issued at {@code now}. */
    static JWTClaimsSet.Builder claims(String sub, String email, Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer("https://accounts.google.com")
                .audience(CLIENT_ID)
                .subject(sub)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", email)
                .claim("email_verified", true)
                .claim("name", "Ada Lovelace")
                .claim("picture", "https://lh3.googleusercontent.com/a/photo");
    }

    String token(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    String token(String sub, String email, Instant now, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = claims(sub, email, now);
        change.accept(builder);
        return sign(builder.build(), key);
    }

    /** Signed with a key of the same id that Google never published. */
    String forged(JWTClaimsSet claims) {
        return sign(claims, stranger);
    }

    /** HS256 with the client id as secret: the algorithm must be refused before any key is tried. */
    static String hmac(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner("a-shared-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
