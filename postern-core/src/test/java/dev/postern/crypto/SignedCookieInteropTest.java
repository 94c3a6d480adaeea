package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Signed cookies cross between Postern and better-call's {@code serializeSignedCookie}/{@code getSignedCookie}. */
class SignedCookieInteropTest {
    private static final String SECRET = "better-auth-secret-12345678901234567890";
    private static final List<String> VALUES = List.of("bofFpMgPjXwV8bvGXh1haRXiHuSbSu2C", "true",
            "a b/c;d=é😀+", "2fa-abcdefghijklmnopqrst", "dotted.value.", "token:");

    @Test
    void posternSignsByteForByteLikeBetterCall() {
        JsonNode signed = BetterAuthNode.require().call("signCookie", Map.of("secret", SECRET, "values", VALUES));
        CookieSigner signer = new CookieSigner(Secret.of(SECRET));
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(signer.sign(VALUES.get(i))).isEqualTo(signed.get(i).stringValue());
        }
    }

    @Test
    void cookieSignedByPosternIsReadByBetterCallsGetSignedCookie() {
        CookieSigner signer = new CookieSigner(Secret.of(SECRET));
        List<String> cookies = new ArrayList<>(VALUES.stream().map(signer::sign).toList());
        cookies.add(new CookieSigner(Secret.of("another secret")).sign("forged"));
        JsonNode read = BetterAuthNode.require().call("getSignedCookie", Map.of("secret", SECRET, "cookies", cookies));
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(read.get(i).stringValue()).isEqualTo(VALUES.get(i));
        }
        assertThat(read.get(VALUES.size()).asBoolean(true)).isFalse();
    }

    @Test
    void cookieSignedByBetterCallIsVerifiedByPosternAndTamperingIsNoticedByBoth() {
        JsonNode signed = BetterAuthNode.require().call("signCookie", Map.of("secret", SECRET, "values", VALUES));
        CookieSigner signer = new CookieSigner(Secret.of(SECRET));
        for (int i = 0; i < VALUES.size(); i++) {
            assertThat(signer.verify(signed.get(i).stringValue())).contains(VALUES.get(i));
        }
        String tampered = "X" + signed.get(0).stringValue().substring(1);
        assertThat(signer.verify(tampered)).isEmpty();
        JsonNode read = BetterAuthNode.require().call("getSignedCookie",
                Map.of("secret", SECRET, "cookies", List.of(tampered)));
        assertThat(read.get(0).asBoolean(true)).isFalse();
    }
}
