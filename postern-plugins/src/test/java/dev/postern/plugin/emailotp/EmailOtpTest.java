package dev.postern.plugin.emailotp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.PosternApi.ApiCall;
import dev.postern.crypto.KeyHashes;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The email-otp routes (wire reference §12) over real HTTP, databases and SMTP. */
class EmailOtpTest {

    @SqliteAndPostgres
    void aSignInCodeSignsUpANewVerifiedUserOnce(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), new MutableClock())) {
            TestResponse sent = auth.client().postJson("/email-otp/send-verification-otp",
                    Map.of("email", "Ada@Example.com", "type", "sign-in"));
            String otp = code(mailbox, "ada@example.com");
            Row row = row(auth, "sign-in-otp-ada@example.com").orElseThrow();
            TestClient browser = auth.client();

            TestResponse signedIn = browser.postJson("/sign-in/email-otp",
                    Map.of("email", "ada@example.com", "otp", otp, "name", "Ada"));
            TestResponse replayed = auth.client().postJson("/sign-in/email-otp", Map.of("email", "ada@example.com", "otp", otp));

            assertThat(sent.body()).isEqualTo("{\"success\":true}");
            assertThat(otp).matches("\\d{6}");
            assertThat(mailbox.lastTo("ada@example.com").subject()).isEqualTo("Postern: Your code");
            assertThat(row.string("value")).isEqualTo(otp + ":0");
            assertThat(Duration.between(row.instant("createdAt"), row.instant("expiresAt"))).isEqualTo(Duration.ofMinutes(5));
            signedIn.assertStatus(200);
            assertThat(signedIn.json().propertyNames()).containsExactly("token", "user");
            assertThat(signedIn.json().get("user").get("emailVerified").asBoolean()).isTrue();
            assertThat(signedIn.json().get("user").get("name").asString()).isEqualTo("Ada");
            assertThat(browser.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            replayed.assertError(400, "INVALID_OTP");
        }
    }

    @SqliteAndPostgres
    void threeWrongGuessesSpendTheCode(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"));
            String otp = code(mailbox, "ada@example.com");
            String wrong = otp.equals("000000") ? "111111" : "000000";

            for (int attempt = 1; attempt <= 3; attempt++) {
                signIn(auth, "ada@example.com", wrong).assertError(400, "INVALID_OTP");
                assertThat(row(auth, "sign-in-otp-ada@example.com").orElseThrow().string("value")).isEqualTo(otp + ":" + attempt);
            }
            TestResponse rightButLate = signIn(auth, "ada@example.com", otp);
            TestResponse afterwards = signIn(auth, "ada@example.com", otp);

            rightButLate.assertError(403, "TOO_MANY_ATTEMPTS");
            assertThat(rightButLate.json().get("message").asString()).isEqualTo("Too many attempts");
            afterwards.assertError(400, "INVALID_OTP");
            assertThat(row(auth, "sign-in-otp-ada@example.com")).isEmpty();
        }
    }

    @SqliteAndPostgres
    void anExpiredCodeAnswersOtpExpiredAndIsRemoved(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), clock)) {
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"));
            String otp = code(mailbox, "ada@example.com");
            clock.advance(Duration.ofMinutes(5).plusSeconds(1));

            signIn(auth, "ada@example.com", otp).assertError(400, "OTP_EXPIRED");
            signIn(auth, "ada@example.com", otp).assertError(400, "INVALID_OTP");
            assertThat(auth.postern().users().findByEmail("ada@example.com")).isEmpty();
        }
    }

    @SqliteAndPostgres
    void unknownAddressesGetTheSameAnswerAndNoMail(TestDatabase database) {
        EmailOtpOptions options = EmailOtpOptions.builder().disableSignUp(true).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            for (String type : List.of("sign-in", "email-verification", "forget-password")) {
                TestResponse unknown = auth.client().postJson("/email-otp/send-verification-otp",
                        Map.of("email", "nobody@example.com", "type", type));
                TestResponse known = auth.client().postJson("/email-otp/send-verification-otp",
                        Map.of("email", "ada@example.com", "type", type));
                assertThat(unknown.body()).isEqualTo(known.body()).isEqualTo("{\"success\":true}");
                assertThat(row(auth, type + "-otp-nobody@example.com")).isEmpty();
            }
            auth.client().postJson("/email-otp/request-password-reset", Map.of("email", "nobody@example.com"))
                    .assertStatus(200);
            String created = (String) auth.postern().api().call("createVerificationOTP",
                    ApiCall.body(Map.of("email", "nobody@example.com", "type", "sign-in"))).value();

            assertThat(mailbox.all()).allMatch(m -> m.to().equals("ada@example.com")).hasSize(3);
            signIn(auth, "nobody@example.com", created).assertError(400, "INVALID_OTP");
            assertThat(auth.postern().users().findByEmail("nobody@example.com")).isEmpty();
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "not-an-address", "type", "sign-in"))
                    .assertError(400, "INVALID_EMAIL");
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "change-email"))
                    .assertStatus(400);
        }
    }

    @SqliteAndPostgres
    void hashedAndEncryptedStorageKeepNoPlainCode(TestDatabase database) {
        for (OtpStorage storage : List.of(OtpStorage.HASHED, OtpStorage.ENCRYPTED)) {
            EmailOtpOptions options = EmailOtpOptions.builder().storeOTP(storage).build();
            try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, new MutableClock())) {
                auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"));
                String otp = code(mailbox, "ada@example.com");
                String stored = row(auth, "sign-in-otp-ada@example.com").orElseThrow().string("value");
                String withoutAttempts = stored.substring(0, stored.lastIndexOf(':'));
                TestResponse fetched = auth.client().postJson("/email-otp/check-verification-otp", Map.of(
                        "email", "ada@example.com", "type", "sign-in", "otp", otp));

                if (storage == OtpStorage.HASHED) {
                    assertThat(withoutAttempts).isEqualTo(KeyHashes.sha256(otp));
                } else {
                    assertThat(withoutAttempts).doesNotContain(otp);
                    assertThat(new SymmetricEncryption(auth.postern().config().secrets()).decrypt(withoutAttempts)).hasValue(otp);
                    assertThat(auth.postern().api().call("getVerificationOTP", ApiCall.empty()
                            .withQuery(Map.of("email", "ada@example.com", "type", "sign-in"))).value())
                            .isEqualTo(Map.of("otp", otp));
                }
                // check-verification-otp with no account answers USER_NOT_FOUND and leaves the code usable.
                fetched.assertError(400, "USER_NOT_FOUND");
                signIn(auth, "ada@example.com", otp).assertStatus(200);
            }
        }
    }

    @SqliteAndPostgres
    void reuseMailsThePendingCodeAgainWhileRotateReplacesIt(TestDatabase database) {
        EmailOtpOptions reuse = EmailOtpOptions.builder().resendStrategy(EmailOtpOptions.ResendStrategy.REUSE).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, reuse, new MutableClock())) {
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"));
            String first = code(mailbox, "ada@example.com");
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"));
            assertThat(code(mailbox, "ada@example.com")).isEqualTo(first);
        }
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), new MutableClock())) {
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"));
            String first = code(mailbox, "ada@example.com");
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"));
            String second = code(mailbox, "ada@example.com");
            assertThat(auth.postern().store().findMany(CoreSchema.VERIFICATION,
                    dev.postern.store.Query.where(Where.eq("identifier", "sign-in-otp-ada@example.com")))).hasSize(1);
            if (!first.equals(second)) {
                signIn(auth, "ada@example.com", first).assertError(400, "INVALID_OTP");
            }
            signIn(auth, "ada@example.com", second).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void verifyEmailMarksTheAddressVerifiedAndCheckLeavesTheCodeUsable(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), new MutableClock())) {
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "email-verification"));
            String otp = code(mailbox, "ada@example.com");

            TestResponse checked = auth.client().postJson("/email-otp/check-verification-otp",
                    Map.of("email", "ada@example.com", "type", "email-verification", "otp", otp));
            TestResponse verified = ada.postJson("/email-otp/verify-email", Map.of("email", "ada@example.com", "otp", otp));

            assertThat(checked.body()).isEqualTo("{\"success\":true}");
            verified.assertStatus(200);
            assertThat(verified.json().get("status").asBoolean()).isTrue();
            assertThat(verified.json().get("token").isNull()).isTrue();
            assertThat(verified.json().get("user").get("emailVerified").asBoolean()).isTrue();
            assertThat(ada.get("/get-session").json().get("user").get("emailVerified").asBoolean()).isTrue();
            ada.postJson("/email-otp/verify-email", Map.of("email", "ada@example.com", "otp", otp)).assertError(400, "INVALID_OTP");
        }
    }

    @SqliteAndPostgres
    void aResetCodeSetsANewPasswordOnBothRequestPaths(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            for (String path : List.of("/email-otp/request-password-reset", "/forget-password/email-otp")) {
                String password = "brand new password " + path.length();
                auth.client().postJson(path, Map.of("email", "ada@example.com")).assertStatus(200);
                String otp = code(mailbox, "ada@example.com");
                auth.client().postJson("/email-otp/reset-password", Map.of("email", "ada@example.com", "otp", otp,
                        "password", "short")).assertError(400, "PASSWORD_TOO_SHORT");

                TestResponse reset = auth.client().postJson("/email-otp/reset-password",
                        Map.of("email", "ada@example.com", "otp", otp, "password", password));

                assertThat(reset.body()).isEqualTo("{\"success\":true}");
                Users.signIn(auth.client(), "ada@example.com", password).assertStatus(200);
                auth.client().postJson("/email-otp/reset-password", Map.of("email", "ada@example.com", "otp", otp,
                        "password", "another password")).assertError(400, "INVALID_OTP");
            }
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(401, "INVALID_EMAIL_OR_PASSWORD");
            assertThat(auth.postern().users().findByEmail("ada@example.com").orElseThrow().bool("emailVerified")).isTrue();
        }
    }

    @SqliteAndPostgres
    void overrideDefaultEmailVerificationMailsACodeInsteadOfTheLink(TestDatabase database) {
        EmailOtpOptions options = EmailOtpOptions.builder().overrideDefaultEmailVerification(true).build();
        EmailPasswordOptions required = EmailPasswordOptions.builder().requireEmailVerification(true).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, required, new MutableClock())) {
            auth.client().postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", Users.PASSWORD,
                    "name", "Ada")).assertStatus(200);
            Mailbox.Mail mail = mailbox.lastTo("ada@example.com");
            String otp = code(mailbox, "ada@example.com");

            TestResponse verified = auth.client().postJson("/email-otp/verify-email", Map.of("email", "ada@example.com", "otp", otp));

            assertThat(mailbox.count()).isEqualTo(1);
            assertThat(mail.text()).doesNotContain("http");
            verified.assertStatus(200);
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void sendVerificationOnSignUpMailsAnEmailVerificationCode(TestDatabase database) {
        EmailOtpOptions options = EmailOtpOptions.builder().sendVerificationOnSignUp(true).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            String otp = code(mailbox, "ada@example.com");

            assertThat(row(auth, "email-verification-otp-ada@example.com").orElseThrow().string("value")).isEqualTo(otp + ":0");
            auth.client().postJson("/email-otp/verify-email", Map.of("email", "ada@example.com", "otp", otp)).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void aSignedInUserChangesTheirAddressWithACodeSentToTheNewOne(TestDatabase database) {
        EmailOtpOptions options = EmailOtpOptions.builder()
                .changeEmail(new EmailOtpOptions.ChangeEmail(true, false)).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, new MutableClock())) {
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");
            Users.signUp(auth.client(), "taken@example.com");
            String userId = auth.postern().users().findByEmail("ada@example.com").orElseThrow().id();
            ada.postJson("/email-otp/request-email-change", Map.of("newEmail", "taken@example.com")).assertStatus(200);
            ada.postJson("/email-otp/request-email-change", Map.of("newEmail", "lovelace@example.com")).assertStatus(200);
            String otp = code(mailbox, "lovelace@example.com");

            TestResponse changed = ada.postJson("/email-otp/change-email", Map.of("newEmail", "lovelace@example.com", "otp", otp));

            assertThat(mailbox.all()).noneMatch(m -> m.to().equals("taken@example.com"));
            assertThat(row(auth, "change-email-otp-" + userId + ":lovelace@example.com")).isEmpty();
            assertThat(changed.body()).isEqualTo("{\"success\":true}");
            JsonNode user = ada.get("/get-session").json().get("user");
            assertThat(user.get("email").asString()).isEqualTo("lovelace@example.com");
            assertThat(user.get("emailVerified").asBoolean()).isTrue();
            auth.client().postJson("/email-otp/change-email", Map.of("newEmail", "x@example.com", "otp", otp)).assertStatus(401);
        }
    }

    @SqliteAndPostgres
    void changingTheAddressIsOffByDefault(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), new MutableClock())) {
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");

            TestResponse refused = ada.postJson("/email-otp/request-email-change", Map.of("newEmail", "new@example.com"));

            refused.assertStatus(400);
            assertThat(refused.json().get("message").asString()).isEqualTo("Change email with OTP is disabled");
            assertThat(mailbox.count()).isZero();
        }
    }

    @SqliteAndPostgres
    void aCodePendingInABetterAuthDatabaseWorks(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, EmailOtpOptions.defaults(), new MutableClock())) {
            // better-auth 1.7.25's row after one wrong guess at the code 482913.
            auth.postern().verifications().create("sign-in-otp-grace@example.com", "482913:1", Duration.ofMinutes(5));

            TestResponse signedIn = signIn(auth, "grace@example.com", "482913");

            signedIn.assertStatus(200);
            assertThat(signedIn.json().get("user").get("email").asString()).isEqualTo("grace@example.com");
        }
    }

    private static TestResponse signIn(TestPostern auth, String email, String otp) {
        return auth.client().postJson("/sign-in/email-otp", Map.of("email", email, "otp", otp));
    }

    private static String code(Mailbox mailbox, String to) {
        return mailbox.lastTo(to).code();
    }

    private static Optional<Row> row(TestPostern auth, String identifier) {
        return auth.postern().store().findOne(CoreSchema.VERIFICATION, Where.eq("identifier", identifier));
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, EmailOtpOptions options, MutableClock clock) {
        return start(database, mailbox, options, EmailPasswordOptions.defaults(), clock);
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, EmailOtpOptions options,
                                     EmailPasswordOptions passwords, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(passwords), new SessionPlugin(), new EmailOtpPlugin(options))
                .configure(b -> b.mailer(mailbox.mailer()).clock(clock))
                .start();
    }
}
