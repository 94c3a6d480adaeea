package dev.postern.plugin.phonenumber;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/** Starting an instance with the phone-number plugin, and short ways through its flows. */
final class PhoneNumbers {
    static final String NUMBER = "+15551234567";

    private PhoneNumbers() {
    }

    static TestPostern start(TestDatabase database, PhoneNumberOptions options) {
        return start(database, options, new MutableClock());
    }

    static TestPostern start(TestDatabase database, PhoneNumberOptions options, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new UserPlugin(), new PhoneNumberPlugin(options))
                .configure(b -> b.clock(clock))
                .start();
    }

    static PhoneNumberOptions signingUp(FakeTwilio twilio) {
        return PhoneNumberOptions.withSender(twilio.sender()).withSignUpOnVerification(
                new PhoneNumberOptions.SignUpOnVerification(n -> n.substring(1) + "@phone.example.com", null));
    }

    static TestResponse sendOtp(TestClient client, String number) {
        return client.postJson("/phone-number/send-otp", Map.of("phoneNumber", number));
    }

    static TestResponse verify(TestClient client, String number, String code) {
        return client.postJson("/phone-number/verify", Map.of("phoneNumber", number, "code", code));
    }

    /** Signs up the owner of {@code number} by verification; the client keeps the session cookie. */
    static TestResponse signUp(TestClient client, FakeTwilio twilio, String number) {
        sendOtp(client, number).assertStatus(200);
        return verify(client, number, twilio.last().code()).assertStatus(200);
    }
}
