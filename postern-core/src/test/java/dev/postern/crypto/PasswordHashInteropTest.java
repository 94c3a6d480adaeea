package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Password hashes cross between Postern and better-auth's {@code hashPassword}/{@code verifyPassword}. */
class PasswordHashInteropTest {
    private static final List<String> PASSWORDS = List.of("password123", "correct horse battery staple",
            "\uFB01le \u212Bngstr\u00F6m", "emoji 😀 pass", "  spaces  ", "tab\tand\u0000nul", "lone\uD800surrogate");

    @Test
    void hashMadeByBetterAuthVerifiesInPostern() {
        JsonNode hashes = BetterAuthNode.require().call("hashPassword", Map.of("passwords", PASSWORDS));
        Passwords passwords = Passwords.withDefaults();
        for (int i = 0; i < PASSWORDS.size(); i++) {
            String hash = hashes.get(i).stringValue();
            assertThat(passwords.verify(hash, PASSWORDS.get(i))).as(PASSWORDS.get(i)).isTrue();
            assertThat(passwords.verify(hash, PASSWORDS.get(i) + "x")).isFalse();
            assertThat(passwords.needsRehash(hash)).isFalse();
        }
    }

    @Test
    void hashMadeByPosternVerifiesInBetterAuth() {
        Passwords passwords = Passwords.withDefaults();
        List<Map<String, String>> pairs = new ArrayList<>();
        for (String password : PASSWORDS) {
            String hash = passwords.hash(password);
            pairs.add(Map.of("hash", hash, "password", password));
            pairs.add(Map.of("hash", hash, "password", password + "x"));
        }
        JsonNode results = BetterAuthNode.require().call("verifyPassword", Map.of("pairs", pairs));
        for (int i = 0; i < pairs.size(); i++) {
            assertThat(results.get(i).booleanValue()).as(pairs.get(i).get("password")).isEqualTo(i % 2 == 0);
        }
    }
}
