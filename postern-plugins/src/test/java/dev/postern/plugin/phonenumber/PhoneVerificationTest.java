package dev.postern.plugin.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.PosternApi.ApiCall;
import dev.postern.error.ApiException;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.Map;

/** {@code /phone-number/send-otp} and {@code /phone-number/verify} (wire reference §12 phone-number). */
class PhoneVerificationTest {
    private static final String NUMBER = PhoneNumbers.NUMBER;

    @SqliteAndPostgres
    void aTextedCodeSignsUpTheNumbersOwnerWhenSignUpOnVerificationIsOn(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio))) {
            TestClient browser = auth.client();

            TestResponse sent = PhoneNumbers.sendOtp(browser, NUMBER);
            FakeTwilio.Message sms = twilio.last();
            Row stored = auth.postern().store().findOne(CoreSchema.VERIFICATION,
                    Where.eq("identifier", "phone-number-otp-" + NUMBER)).orElseThrow();
            TestResponse verified = PhoneNumbers.verify(browser, NUMBER, sms.code());

            sent.assertStatus(200);
            assertThat(sent.body()).isEqualTo("{\"message\":\"code sent\"}");
            assertThat(sms.to()).isEqualTo(NUMBER);
            assertThat(sms.from()).isEqualTo(FakeTwilio.FROM);
            assertThat(sms.body()).matches("Your verification code is \\d{6}");
            assertThat(stored.string("value")).isEqualTo(sms.code() + ":0");
            verified.assertStatus(200);
            assertThat(verified.json().get("status").asBoolean()).isTrue();
            String token = verified.json().get("token").asString();
            assertThat(browser.cookie("better-auth.session_token")).startsWith(token + ".");
            assertThat(verified.json().get("user").get("phoneNumber").asString()).isEqualTo(NUMBER);
            assertThat(verified.json().get("user").get("phoneNumberVerified").asBoolean()).isTrue();
            assertThat(verified.json().get("user").get("email").asString()).isEqualTo("15551234567@phone.example.com");
            assertThat(verified.json().get("user").get("name").asString()).isEqualTo(NUMBER);
            assertThat(browser.get("/get-session").json().get("user").get("phoneNumber").asString()).isEqualTo(NUMBER);
            PhoneNumbers.verify(auth.client(), NUMBER, sms.code()).assertError(400, "OTP_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void wrongCodesCountAgainstTheCodeUntilItIsDropped(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio))) {
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertStatus(200);
            String code = twilio.last().code();
            String wrong = code.equals("000000") ? "111111" : "000000";

            for (int attempt = 1; attempt <= 3; attempt++) {
                PhoneNumbers.verify(auth.client(), NUMBER, wrong).assertError(400, "INVALID_OTP");
                assertThat(auth.postern().store().findOne(CoreSchema.VERIFICATION,
                        Where.eq("identifier", "phone-number-otp-" + NUMBER)).orElseThrow().string("value"))
                        .isEqualTo(code + ":" + attempt);
            }
            PhoneNumbers.verify(auth.client(), NUMBER, code).assertError(403, "TOO_MANY_ATTEMPTS");
            PhoneNumbers.verify(auth.client(), NUMBER, code).assertError(400, "OTP_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void anExpiredCodeIsRefusedAndDeleted(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio), clock)) {
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertStatus(200);
            clock.advance(Duration.ofSeconds(301));

            PhoneNumbers.verify(auth.client(), NUMBER, twilio.last().code()).assertError(400, "OTP_EXPIRED");
            PhoneNumbers.verify(auth.client(), NUMBER, twilio.last().code()).assertError(400, "OTP_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void aKnownNumberIsMarkedVerifiedWithoutASessionWhenDisableSession(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumbers.signingUp(twilio))) {
            PhoneNumbers.signUp(auth.client(), twilio, NUMBER);
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertStatus(200);
            TestClient other = auth.client();

            TestResponse verified = other.postJson("/phone-number/verify",
                    Map.of("phoneNumber", NUMBER, "code", twilio.last().code(), "disableSession", true));

            verified.assertStatus(200);
            assertThat(verified.json().get("token").isNull()).isTrue();
            assertThat(verified.setCookies()).isEmpty();
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("phoneNumber", NUMBER))).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void updatePhoneNumberMovesTheSignedInUserToTheVerifiedNumber(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(twilio.sender()))) {
            TestClient ada = auth.client();
            String token = Users.signUp(ada, "ada@example.com").json().get("token").asString();
            PhoneNumbers.sendOtp(ada, NUMBER).assertStatus(200);
            String code = twilio.last().code();
            TestClient anonymous = auth.client();
            PhoneNumbers.sendOtp(anonymous, "+15550000001").assertStatus(200);
            String anonymousCode = twilio.last().code();

            TestResponse moved = ada.postJson("/phone-number/verify",
                    Map.of("phoneNumber", NUMBER, "code", code, "updatePhoneNumber", true));
            TestResponse noSession = anonymous.postJson("/phone-number/verify",
                    Map.of("phoneNumber", "+15550000001", "code", anonymousCode, "updatePhoneNumber", true));

            moved.assertStatus(200);
            assertThat(moved.json().get("token").asString()).isEqualTo(token);
            assertThat(moved.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(moved.json().get("user").get("phoneNumber").asString()).isEqualTo(NUMBER);
            assertThat(moved.json().get("user").get("phoneNumberVerified").asBoolean()).isTrue();
            noSession.assertError(401, "USER_NOT_FOUND");

            TestClient bob = auth.client();
            Users.signUp(bob, "bob@example.com");
            PhoneNumbers.sendOtp(bob, NUMBER).assertStatus(200);
            bob.postJson("/phone-number/verify", Map.of("phoneNumber", NUMBER, "code", twilio.last().code(),
                    "updatePhoneNumber", true)).assertError(400, "PHONE_NUMBER_EXIST");
        }
    }

    @SqliteAndPostgres
    void numbersAreSetOnlyByVerifyingThem(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(twilio.sender()))) {
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");

            TestResponse update = ada.postJson("/update-user", Map.of("phoneNumber", NUMBER));
            TestResponse signUp = auth.client().postJson("/sign-up/email", Map.of("email", "eve@example.com",
                    "password", Users.PASSWORD, "name", "Eve", "phoneNumber", NUMBER));
            TestResponse verifiedFlag = auth.client().postJson("/sign-up/email", Map.of("email", "mallory@example.com",
                    "password", Users.PASSWORD, "name", "M", "phoneNumberVerified", true));

            update.assertError(400, "PHONE_NUMBER_CANNOT_BE_UPDATED");
            signUp.assertError(400, "PHONE_NUMBER_CANNOT_BE_SET");
            verifiedFlag.assertError(400, "FIELD_NOT_ALLOWED");
            assertThat(auth.postern().store().findMany(CoreSchema.USER, Query.where(Where.eq("email", "eve@example.com"))))
                    .isEmpty();
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("phoneNumber", NUMBER))).isZero();
        }
    }

    @SqliteAndPostgres
    void serverCodeCanSpendACodeWithoutSigningAnyoneIn(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(twilio.sender()))) {
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertStatus(200);
            ApiCall call = ApiCall.body(Map.of("phoneNumber", NUMBER, "code", twilio.last().code()));

            Object consumed = auth.postern().api().call("consumePhoneNumberOTP", call).value();

            assertThat(consumed).isEqualTo(Map.of("status", true));
            assertThatThrownBy(() -> auth.postern().api().call("consumePhoneNumberOTP", call))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("OTP_NOT_FOUND"));
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("phoneNumber", NUMBER))).isZero();
        }
    }

    @SqliteAndPostgres
    void badInputIsAClearClientError(TestDatabase database) {
        PhoneNumberOptions validating = PhoneNumberOptions.withSender(new LoggingSmsSender())
                .withPhoneNumberValidator(n -> n.matches("\\+[1-9][0-9]{7,14}"));
        try (TestPostern auth = PhoneNumbers.start(database, validating)) {
            PhoneNumbers.sendOtp(auth.client(), "12345").assertError(400, "INVALID_PHONE_NUMBER");
            PhoneNumbers.verify(auth.client(), NUMBER, "123456").assertError(400, "OTP_NOT_FOUND");
            auth.client().postJson("/phone-number/verify", Map.of("phoneNumber", NUMBER))
                    .assertError(400, "VALIDATION_ERROR");
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertStatus(200);
            // Without signUpOnVerification an unknown number has nobody to verify: better-auth's 500 with its code.
            String code = auth.postern().store().findOne(CoreSchema.VERIFICATION,
                    Where.eq("identifier", "phone-number-otp-" + NUMBER)).orElseThrow().string("value").split(":")[0];
            PhoneNumbers.verify(auth.client(), NUMBER, code).assertError(500, "FAILED_TO_UPDATE_USER");
        }
        try (TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(null))) {
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertError(501, "SEND_OTP_NOT_IMPLEMENTED");
            assertThat(auth.postern().store().count(CoreSchema.VERIFICATION, Where.eq("identifier",
                    "phone-number-otp-" + NUMBER))).isZero();
        }
    }
}
