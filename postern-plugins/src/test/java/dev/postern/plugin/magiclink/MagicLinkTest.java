package dev.postern.plugin.magiclink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.crypto.KeyHashes;
import dev.postern.json.Json;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Operator;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/** {@code /sign-in/magic-link} and {@code /magic-link/verify} (wire reference §12), over real HTTP and SMTP. */
class MagicLinkTest {

    @SqliteAndPostgres
    void theMailedLinkSignsUpANewUserOnceAndRedirectsToTheNewUserPage(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, MagicLinkOptions.defaults(), new MutableClock())) {
            TestResponse sent = auth.client().postJson("/sign-in/magic-link", Map.of("email", "Ada@Example.com",
                    "name", "Ada", "callbackURL", "/dashboard", "newUserCallbackURL", "/welcome"));
            Mailbox.Mail mail = mailbox.lastTo("Ada@Example.com");
            String token = mail.tokenParameter();
            TestClient browser = auth.client();

            TestResponse opened = browser.get(mail.link());
            TestResponse again = auth.client().get(mail.link());

            sent.assertStatus(200);
            assertThat(sent.body()).isEqualTo("{\"status\":true}");
            assertThat(mail.subject()).isEqualTo("Postern: Your sign-in link");
            assertThat(mail.link()).isEqualTo(auth.authUrl() + "/magic-link/verify?token=" + token
                    + "&callbackURL=%2Fdashboard&newUserCallbackURL=%2Fwelcome");
            assertThat(token).matches("[a-zA-Z]{32}");
            opened.assertStatus(302);
            assertThat(opened.header("Location")).hasValue(auth.origin().resolve("/welcome").toString());
            JsonNode session = browser.get("/get-session").json();
            assertThat(session.get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(session.get("user").get("name").asString()).isEqualTo("Ada");
            assertThat(session.get("user").get("emailVerified").asBoolean()).isTrue();
            again.assertStatus(302);
            assertThat(again.header("Location")).hasValue(auth.origin().resolve("/dashboard?error=INVALID_TOKEN").toString());
            assertThat(again.setCookies()).isEmpty();
            assertThat(pendingRows(auth)).isEmpty();
        }
    }

    @SqliteAndPostgres
    void storesBetterAuthsRecordAndWithoutCallbackAnswersTokenUserAndSession(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, MagicLinkOptions.defaults(), new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            auth.postern().users().update(userId(auth, "ada@example.com"), Map.of("emailVerified", true));
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com")).assertStatus(200);
            String token = mailbox.lastTo("ada@example.com").tokenParameter();
            Row row = auth.postern().store().findOne(CoreSchema.VERIFICATION,
                    Where.eq("identifier", "magic-link:" + token)).orElseThrow();
            TestClient browser = auth.client();

            TestResponse verified = browser.get("/magic-link/verify?token=" + token);

            assertThat(Json.parse(row.string("value"))).isEqualTo(Json.parse("{\"type\":\"magic-link\",\"email\":\"ada@example.com\"}"));
            assertThat(Duration.between(row.instant("createdAt"), row.instant("expiresAt"))).isEqualTo(Duration.ofMinutes(5));
            verified.assertStatus(200);
            JsonNode body = verified.json();
            assertThat(body.propertyNames()).containsExactly("token", "user", "session");
            assertThat(body.get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(body.get("session").get("token").asString()).isEqualTo(body.get("token").asString());
            assertThat(browser.get("/get-session").json().get("session").get("token").asString())
                    .isEqualTo(body.get("token").asString());
            // An existing user keeps their password: only unverified accounts lose unproven access.
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void anExpiredLinkRedirectsToTheErrorPage(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, MagicLinkOptions.defaults(), clock)) {
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com",
                    "callbackURL", "/app", "errorCallbackURL", "/oops")).assertStatus(200);
            String link = mailbox.lastTo("ada@example.com").link();
            clock.advance(Duration.ofMinutes(5).plusSeconds(1));

            TestResponse opened = auth.client().get(link);

            opened.assertStatus(302);
            assertThat(opened.header("Location")).hasValue(auth.origin().resolve("/oops?error=INVALID_TOKEN").toString());
            assertThat(auth.postern().users().findByEmail("ada@example.com")).isEmpty();
        }
    }

    @SqliteAndPostgres
    void withSignUpDisabledAnUnknownAddressIsRefusedAndNoUserIsCreated(TestDatabase database) {
        MagicLinkOptions options = MagicLinkOptions.builder().disableSignUp(true).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, new MutableClock())) {
            TestResponse sent = auth.client().postJson("/sign-in/magic-link", Map.of("email", "nobody@example.com"));
            TestResponse opened = auth.client().get(mailbox.lastTo("nobody@example.com").link());

            sent.assertStatus(200);
            assertThat(sent.body()).isEqualTo("{\"status\":true}");
            opened.assertStatus(302);
            assertThat(opened.header("Location")).hasValue(auth.origin().resolve("/?error=new_user_signup_disabled").toString());
            assertThat(opened.setCookies()).isEmpty();
            assertThat(auth.postern().users().findByEmail("nobody@example.com")).isEmpty();
        }
    }

    @SqliteAndPostgres
    void hashedStorageKeepsOnlyTheDigestAndTheLinkStillWorks(TestDatabase database) {
        MagicLinkOptions options = MagicLinkOptions.builder().storeToken(MagicLinkOptions.HASHED).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, new MutableClock())) {
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com")).assertStatus(200);
            String token = mailbox.lastTo("ada@example.com").tokenParameter();
            List<String> identifiers = pendingRows(auth).stream().map(r -> r.string("identifier")).toList();

            TestResponse verified = auth.client().get("/magic-link/verify?token=" + token);

            assertThat(identifiers).containsExactly("magic-link:" + KeyHashes.sha256(token));
            verified.assertStatus(200);
            assertThat(verified.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @SqliteAndPostgres
    void aLinkPendingInABetterAuthDatabaseWorks(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, MagicLinkOptions.defaults(), new MutableClock())) {
            // Exactly what better-auth 1.7.25 writes for signInMagicLink({email, name}).
            auth.postern().verifications().create("magic-link:bEtTeRaUtHtOkEnOfThIrTyTwOlEtTeR",
                    "{\"type\":\"magic-link\",\"email\":\"grace@example.com\",\"name\":\"Grace\"}", Duration.ofMinutes(5));
            auth.postern().verifications().create("magic-link:notARecord", "{\"type\":\"other\",\"email\":\"x@example.com\"}",
                    Duration.ofMinutes(5));

            TestResponse verified = auth.client().get("/magic-link/verify?token=bEtTeRaUtHtOkEnOfThIrTyTwOlEtTeR");
            TestResponse foreign = auth.client().get("/magic-link/verify?token=notARecord&callbackURL=/x");

            verified.assertStatus(200);
            assertThat(verified.json().get("user").get("name").asString()).isEqualTo("Grace");
            foreign.assertStatus(302);
            assertThat(foreign.header("Location")).hasValue(auth.origin().resolve("/x?error=INVALID_TOKEN").toString());
        }
    }

    @SqliteAndPostgres
    void anUnverifiedAccountLosesItsUnprovenPasswordAndSessions(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, MagicLinkOptions.defaults(), new MutableClock())) {
            TestClient squatter = auth.client();
            Users.signUp(squatter, "ada@example.com");
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com")).assertStatus(200);

            TestResponse verified = auth.client().get("/magic-link/verify?token=" + mailbox.lastTo("ada@example.com").tokenParameter());

            verified.assertStatus(200);
            assertThat(verified.json().get("user").get("emailVerified").asBoolean()).isTrue();
            assertThat(squatter.get("/get-session").body()).isEqualTo("null");
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(401, "INVALID_EMAIL_OR_PASSWORD");
            assertThat(auth.postern().accounts().listFor(userId(auth, "ada@example.com"))).isEmpty();
        }
    }

    @SqliteAndPostgres
    void untrustedCallbackUrlsAreRefused(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, MagicLinkOptions.defaults(), new MutableClock())) {
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com",
                    "callbackURL", "https://evil.example/steal")).assertError(403, "INVALID_CALLBACK_URL");
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com",
                    "newUserCallbackURL", "https://evil.example/steal")).assertError(403, "INVALID_NEW_USER_CALLBACK_URL");
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com")).assertStatus(200);
            String token = mailbox.lastTo("ada@example.com").tokenParameter();

            for (String parameter : List.of("callbackURL", "newUserCallbackURL", "errorCallbackURL")) {
                auth.client().get("/magic-link/verify?token=" + token + "&" + parameter + "=https://evil.example/x")
                        .assertError(403, "INVALID_CALLBACK_URL");
            }
            assertThat(mailbox.count()).isEqualTo(1);
            // The refusals spent nothing: the link still works.
            auth.client().get("/magic-link/verify?token=" + token).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void aJavaSenderReplacesTheMailAndGetsTheMetadata(TestDatabase database) {
        List<MagicLinkSender.MagicLink> sent = new ArrayList<>();
        MagicLinkOptions options = MagicLinkOptions.builder()
                .sendMagicLink((link, ctx) -> sent.add(link))
                .generateToken(email -> "token-for-" + email.length())
                .expiresIn(Duration.ofMinutes(1))
                .build();
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, clock)) {
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com",
                    "errorCallbackURL", "/failed", "metadata", Map.of("inviteId", "i-1"))).assertStatus(200);
            clock.advance(Duration.ofSeconds(61));

            TestResponse expired = auth.client().get(sent.get(0).url());

            assertThat(mailbox.count()).isZero();
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).token()).isEqualTo("token-for-15");
            assertThat(sent.get(0).metadata()).isEqualTo(Map.of("inviteId", "i-1"));
            assertThat(sent.get(0).url()).isEqualTo(auth.authUrl()
                    + "/magic-link/verify?token=token-for-15&callbackURL=%2F&errorCallbackURL=%2Ffailed");
            assertThat(expired.header("Location")).hasValue(auth.origin().resolve("/failed?error=INVALID_TOKEN").toString());
        }
    }

    @SqliteAndPostgres
    void requestsAreRateLimitedAsBetterAuthDeclares(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TestPostern.builder().database(database)
                     .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new MagicLinkPlugin())
                     .configure(b -> b.mailer(mailbox.mailer()).rateLimit(RateLimitSettings.defaults()))
                     .start()) {
            for (int i = 0; i < 5; i++) {
                auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com")).assertStatus(200);
            }
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com")).assertStatus(429);
            // Each path has its own counter, as better-auth keys them by path.
            auth.client().get("/magic-link/verify?token=x").assertStatus(302);
            assertThat(mailbox.count()).isEqualTo(5);
        }
    }

    @SqliteAndPostgres
    void concurrentOpeningsOfOneLinkSignInOnce(TestDatabase database) throws Exception {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, MagicLinkOptions.defaults(), new MutableClock());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            auth.client().postJson("/sign-in/magic-link", Map.of("email", "ada@example.com")).assertStatus(200);
            String path = "/magic-link/verify?token=" + mailbox.lastTo("ada@example.com").tokenParameter();
            List<Future<TestResponse>> openings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                openings.add(pool.submit(() -> auth.client().get(path)));
            }

            List<Integer> statuses = new ArrayList<>();
            for (Future<TestResponse> opening : openings) {
                statuses.add(opening.get().status());
            }

            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 302);
            assertThat(auth.postern().sessions().listActive(userId(auth, "ada@example.com"))).hasSize(1);
        }
    }

    private static List<Row> pendingRows(TestPostern auth) {
        return auth.postern().store().findMany(CoreSchema.VERIFICATION,
                Query.where(Where.of("identifier", Operator.STARTS_WITH, "magic-link:")));
    }

    private static String userId(TestPostern auth, String email) {
        return auth.postern().users().findByEmail(email).orElseThrow().id();
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, MagicLinkOptions options, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new MagicLinkPlugin(options))
                .configure(b -> b.mailer(mailbox.mailer()).clock(clock))
                .start();
    }
}
