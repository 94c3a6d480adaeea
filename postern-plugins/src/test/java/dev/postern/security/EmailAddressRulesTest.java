package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * E-mail addresses as better-auth handles them: zod's e-mail rule (ASCII only, no trailing dot) and then
 * lower-casing, so case never makes a second account and plus-addressing is an address of its own.
 */
class EmailAddressRulesTest {

    private static TestPostern start() {
        return TestPostern.builder().plugins(new SessionPlugin(), new EmailPasswordPlugin()).start();
    }

    private static TestResponse signUp(TestPostern auth, String email) {
        return auth.client().postJson("/sign-up/email", Map.of("email", email, "password", Users.PASSWORD, "name", "Ada"));
    }

    @Test
    void upperCaseIsStoredLowerCaseAndCannotMakeASecondAccount() {
        try (TestPostern auth = start()) {
            TestResponse created = signUp(auth, "Ada.Lovelace@Example.COM").assertStatus(200);

            assertThat(created.json().get("user").get("email").asString()).isEqualTo("ada.lovelace@example.com");
            signUp(auth, "ADA.LOVELACE@EXAMPLE.COM").assertError(422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
            Users.signIn(auth.client(), "ADA.lovelace@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @Test
    void plusAddressingIsAnAddressOfItsOwn() {
        try (TestPostern auth = start()) {
            signUp(auth, "ada@example.com").assertStatus(200);

            TestResponse tagged = signUp(auth, "ada+news@example.com").assertStatus(200);

            assertThat(tagged.json().get("user").get("email").asString()).isEqualTo("ada+news@example.com");
            Users.signIn(auth.client(), "ada+news@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com.", "ada.@example.com", "adä@example.com", "ada@exämple.com",
            "ада@example.com", " ada@example.com", "ada@example.com\r\nBcc: eve@example.com", "ada@@example.com",
            "ada@example", ".ada@example.com"})
    void addressesZodRefusesAre400ValidationErrors(String email) {
        try (TestPostern auth = start()) {
            RowCounts before = RowCounts.of(auth.postern());

            signUp(auth, email).assertError(400, "VALIDATION_ERROR");
            // Sign-in takes any string and checks the address itself, with better-auth's own code.
            Users.signIn(auth.client(), email, Users.PASSWORD).assertError(400, "INVALID_EMAIL");
            auth.client().postJson("/request-password-reset", Map.of("email", email)).assertError(400, "VALIDATION_ERROR");

            assertThat(RowCounts.of(auth.postern())).isEqualTo(before);
        }
    }
}
