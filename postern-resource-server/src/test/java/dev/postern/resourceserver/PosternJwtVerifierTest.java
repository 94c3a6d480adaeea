package dev.postern.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.postern.testkit.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verifier against a running Postern's JWKS over real HTTP, before and after a key rotation. */
class PosternJwtVerifierTest {

    private static PosternJwtVerifier verifier(PosternServer server) {
        return PosternJwtVerifier.builder(server.jwksUrl()).issuer(server.issuer()).audience(server.issuer())
                .minRefreshInterval(Duration.ofMillis(200)).build();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void verifiesTokensBeforeAndAfterRotation(TestDatabase database) throws Exception {
        try (PosternServer server = new PosternServer(database)) {
            PosternJwtVerifier verifier = verifier(server);
            String before = server.token();

            JWTClaimsSet claims = verifier.verify(before);
            assertThat(claims.getSubject()).isEqualTo(server.userId());
            assertThat(claims.getStringClaim("email")).isEqualTo("ada@example.com");

            server.rotate();
            String after = server.token();
            assertThat(after.substring(0, 40)).isNotEqualTo(before.substring(0, 40));
            Thread.sleep(250); // past minRefreshInterval: the unknown kid triggers one fetch of the key set

            assertThat(verifier.verify(after).getSubject()).isEqualTo(server.userId());
            assertThat(verifier.verify(before).getSubject()).as("old key in its grace period").isEqualTo(server.userId());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE"})
    void refusesTamperedForeignAndMisaddressedTokens(TestDatabase database) throws Exception {
        try (PosternServer server = new PosternServer(database); PosternServer other = new PosternServer(database)) {
            String token = server.token();
            PosternJwtVerifier verifier = verifier(server);
            String[] parts = token.split("\\.");

            assertThatThrownBy(() -> verifier.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(3) + "abc"))
                    .isInstanceOf(InvalidTokenException.class);
            assertThatThrownBy(() -> verifier.verify(other.token())).as("another server's key")
                    .isInstanceOf(InvalidTokenException.class);
            assertThatThrownBy(() -> verifier.verify("garbage")).isInstanceOf(InvalidTokenException.class);
            PosternJwtVerifier otherAudience = PosternJwtVerifier.builder(server.jwksUrl()).issuer(server.issuer())
                    .audience("https://api.example.com").build();
            assertThatThrownBy(() -> otherAudience.verify(token)).isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("aud");
            PosternJwtVerifier otherIssuer = PosternJwtVerifier.builder(server.jwksUrl()).issuer("https://evil.example")
                    .audience(server.issuer()).build();
            assertThatThrownBy(() -> otherIssuer.verify(token)).isInstanceOf(InvalidTokenException.class);
            assertThat(verifier.verify(token).getSubject()).isNotBlank();
        }
    }
}
