package dev.postern.plugin.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Where;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

/** Twilio's error answers become clear client or gateway errors, never a bare 500; and the route's rate limit. */
class TwilioSmsSenderTest {
    private static final String NUMBER = PhoneNumbers.NUMBER;

    @SqliteAndPostgres
    void twilioRefusingTheNumberIsInvalidPhoneNumber(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(twilio.sender()))) {
            twilio.failWith(400, "{\"code\":21211,\"message\":\"The 'To' number +1555 is not a valid phone number.\","
                    + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");

            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertError(400, "INVALID_PHONE_NUMBER");
        }
    }

    @SqliteAndPostgres
    void twilioFailingIsABadGatewayWithACode(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(twilio.sender()))) {
            twilio.failWith(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertError(502, "SMS_DELIVERY_FAILED");
            twilio.failWith(503, "<html>Service Unavailable</html>");
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertError(502, "SMS_DELIVERY_FAILED");
        }
    }

    @SqliteAndPostgres
    void wrongCredentialsAndAnUnreachableTwilioAreBadGateways(TestDatabase database) throws IOException {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(
                     new TwilioSmsSender(twilio.baseUrl(), FakeTwilio.SID, "wrong-token", FakeTwilio.FROM)))) {
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertError(502, "SMS_DELIVERY_FAILED");
            assertThat(twilio.messages()).isEmpty();
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioSmsSender nowhere = new TwilioSmsSender(URI.create("http://127.0.0.1:" + closedPort),
                FakeTwilio.SID, FakeTwilio.TOKEN, FakeTwilio.FROM);
        try (TestPostern auth = PhoneNumbers.start(database, PhoneNumberOptions.withSender(nowhere))) {
            PhoneNumbers.sendOtp(auth.client(), NUMBER).assertError(502, "SMS_DELIVERY_FAILED");
            // The code was stored before delivery, as in better-auth; a retry replaces it.
            assertThat(auth.postern().store().count(CoreSchema.VERIFICATION,
                    Where.eq("identifier", "phone-number-otp-" + NUMBER))).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void phoneNumberRoutesAreLimitedToTenAMinutePerClient(TestDatabase database) {
        try (FakeTwilio twilio = FakeTwilio.start();
             TestPostern auth = TestPostern.builder().database(database)
                     .plugins(new EmailPasswordPlugin(), new SessionPlugin(),
                             new PhoneNumberPlugin(PhoneNumberOptions.withSender(twilio.sender())))
                     .configure(b -> b.rateLimit(RateLimitSettings.defaults()))
                     .start()) {
            for (int i = 0; i < 10; i++) {
                PhoneNumbers.sendOtp(auth.client(), NUMBER).assertStatus(200);
            }
            TestResponse limited = PhoneNumbers.sendOtp(auth.client(), NUMBER);

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("X-Retry-After")).isPresent();
            assertThat(twilio.messages()).hasSize(10);
        }
    }
}
