package dev.postern.plugin.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.schema.CoreSchema;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/** {@code /sign-in/phone-number} and password reset by SMS (wire reference §12 phone-number). */
class PhoneSignInAndResetTest {
    private static final String NUMBER = PhoneNumbers.NUMBER;
    private static final String PASSWORD = "a phone password";

    @SqliteAndPostgres
    void aResetCodeSetsThePasswordThatPhoneSignInThenAccepts(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio))) {
            PhoneNumbers.signUp(auth.client(), twilio, NUMBER);
            TestClient client = auth.client();

            TestResponse requested = client.postJson("/phone-number/request-password-reset", Map.of("phoneNumber", NUMBER));
            FakeTwilio.Message sms = twilio.last();
            String wrong = sms.code().equals("000000") ? "111111" : "000000";
            TestResponse wrongCode = reset(client, wrong, PASSWORD);
            TestResponse tooShort = reset(client, sms.code(), "short");
            TestResponse reset = reset(client, sms.code(), PASSWORD);
            TestResponse replay = reset(client, sms.code(), "another password");
            TestResponse signIn = signIn(client, NUMBER, PASSWORD);

            requested.assertStatus(200);
            assertThat(requested.body()).isEqualTo("{\"status\":true}");
            assertThat(sms.body()).matches("Your password reset code is \\d{6}");
            wrongCode.assertError(400, "INVALID_OTP");
            tooShort.assertError(400, "PASSWORD_TOO_SHORT");
            reset.assertStatus(200);
            assertThat(reset.body()).isEqualTo("{\"status\":true}");
            replay.assertError(400, "OTP_NOT_FOUND");
            signIn.assertStatus(200);
            assertThat(signIn.json().get("token").asString()).hasSize(32);
            assertThat(signIn.json().get("user").get("phoneNumber").asString()).isEqualTo(NUMBER);
            assertThat(client.cookie("better-auth.session_token")).startsWith(signIn.json().get("token").asString() + ".");
        }
    }

    @SqliteAndPostgres
    void everySignInMismatchIsTheSameUnauthorizedAnswer(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio))) {
            PhoneNumbers.signUp(auth.client(), twilio, NUMBER);
            PhoneNumbers.signUp(auth.client(), twilio, "+15559999999");
            auth.client().postJson("/phone-number/request-password-reset", Map.of("phoneNumber", NUMBER));
            reset(auth.client(), twilio.last().code(), PASSWORD).assertStatus(200);

            TestResponse wrongPassword = signIn(auth.client(), NUMBER, "not the password");
            TestResponse unknown = signIn(auth.client(), "+15550000000", PASSWORD);
            TestResponse noPassword = signIn(auth.client(), "+15559999999", PASSWORD);

            for (TestResponse response : new TestResponse[] {wrongPassword, unknown, noPassword}) {
                response.assertError(401, "INVALID_PHONE_NUMBER_OR_PASSWORD");
                assertThat(response.json().get("message").asString()).isEqualTo("Invalid phone number or password");
                assertThat(response.setCookies()).isEmpty();
            }
            signIn(auth.client(), NUMBER, "x".repeat(129)).assertError(400, "PASSWORD_TOO_LONG");
        }
    }

    @SqliteAndPostgres
    void requireVerificationTextsACodeInsteadOfSigningAnUnverifiedNumberIn(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio).withRequireVerification(true))) {
            PhoneNumbers.signUp(auth.client(), twilio, NUMBER);
            auth.client().postJson("/phone-number/request-password-reset", Map.of("phoneNumber", NUMBER));
            reset(auth.client(), twilio.last().code(), PASSWORD).assertStatus(200);
            // An administrator clears the flag (as an update that clears the number would).
            auth.postern().users().update(auth.postern().store().findOne(CoreSchema.USER,
                    Where.eq("phoneNumber", NUMBER)).orElseThrow().id(), Map.of("phoneNumberVerified", false));
            int before = twilio.messages().size();

            TestResponse refused = signIn(auth.client(), NUMBER, PASSWORD);
            TestResponse resetRequest = auth.client().postJson("/phone-number/request-password-reset",
                    Map.of("phoneNumber", NUMBER));

            refused.assertError(401, "PHONE_NUMBER_NOT_VERIFIED");
            assertThat(twilio.messages()).hasSize(before + 1);
            resetRequest.assertStatus(200);
            assertThat(twilio.messages()).hasSize(before + 1);
            PhoneNumbers.verify(auth.client(), NUMBER, twilio.last().code()).assertStatus(200);
            signIn(auth.client(), NUMBER, PASSWORD).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void aResetRequestForAnUnknownNumberLooksTheSameAndTextsNobody(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio))) {
            TestResponse requested = auth.client().postJson("/phone-number/request-password-reset",
                    Map.of("phoneNumber", "+15550000000"));

            requested.assertStatus(200);
            assertThat(requested.body()).isEqualTo("{\"status\":true}");
            assertThat(twilio.messages()).isEmpty();
            String code = auth.postern().store().findOne(CoreSchema.VERIFICATION,
                    Where.eq("identifier", "phone-number-reset-+15550000000")).orElseThrow().string("value").split(":")[0];
            auth.client().postJson("/phone-number/reset-password", Map.of("phoneNumber", "+15550000000",
                    "otp", code, "newPassword", PASSWORD)).assertError(400, "UNEXPECTED_ERROR");
        }
    }

    private static TestResponse reset(TestClient client, String otp, String newPassword) {
        return client.postJson("/phone-number/reset-password",
                Map.of("phoneNumber", NUMBER, "otp", otp, "newPassword", newPassword));
    }

    private static TestResponse signIn(TestClient client, String number, String password) {
        return client.postJson("/sign-in/phone-number", Map.of("phoneNumber", number, "password", password));
    }
}
