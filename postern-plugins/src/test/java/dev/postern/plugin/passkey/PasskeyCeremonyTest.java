package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Row;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * verify-registration and verify-authentication over HTTP with a software authenticator: the rows and
 * sessions they make, and every way a response is refused, each with better-auth's code and no write.
 */
class PasskeyCeremonyTest {
    private static final String ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

    @SqliteAndPostgres
    void registrationStoresThePasskeyAsBetterAuthDoes(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");
            SoftAuthenticator authenticator = new SoftAuthenticator();

            TestResponse response = Ceremonies.register(auth, client, authenticator, "  Laptop  ").assertStatus(200);

            JsonNode passkey = response.json();
            String userId = auth.postern().users().findByEmail("ada@example.com").orElseThrow().id();
            assertThat(passkey.get("id").asString()).isNotEmpty();
            assertThat(passkey.get("name").asString()).isEqualTo("Laptop");
            assertThat(passkey.get("userId").asString()).isEqualTo(userId);
            assertThat(passkey.get("credentialID").asString()).isEqualTo(authenticator.credentialIdBase64Url());
            assertThat(passkey.get("publicKey").asString())
                    .isEqualTo(Base64.getEncoder().encodeToString(authenticator.coseKey()));
            assertThat(passkey.get("counter").asLong()).isZero();
            assertThat(passkey.get("deviceType").asString()).isEqualTo("singleDevice");
            assertThat(passkey.get("backedUp").asBoolean()).isFalse();
            assertThat(passkey.get("transports").asString()).isEqualTo("internal,hybrid");
            assertThat(passkey.get("aaguid").asString()).isEqualTo(ZERO_AAGUID);
            assertThat(passkey.has("session")).isFalse();
            Row row = Ceremonies.passkeyRow(auth, authenticator.credentialIdBase64Url());
            assertThat(row.instant("createdAt")).isBeforeOrEqualTo(Instant.now());
            assertThat(row.bool("backedUp")).isFalse();
        }
    }

    @SqliteAndPostgres
    void signingInWithThePasskeyStartsASessionAndCountsTheSignature(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            SoftAuthenticator authenticator = new SoftAuthenticator();
            Ceremonies.register(auth, Ceremonies.signedIn(auth, "ada@example.com"), authenticator, null).assertStatus(200);
            TestClient browser = auth.client();

            TestResponse response = Ceremonies.signIn(auth, browser, authenticator).assertStatus(200);

            assertThat(response.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            String token = response.json().get("session").get("token").asString();
            assertThat(browser.cookie("better-auth.session_token")).startsWith(token + ".");
            assertThat(browser.get("/get-session").assertStatus(200).json().get("user").get("email").asString())
                    .isEqualTo("ada@example.com");
            assertThat(Ceremonies.passkeyRow(auth, authenticator.credentialIdBase64Url()).number("counter")).isEqualTo(1L);

            Ceremonies.signIn(auth, auth.client(), authenticator).assertStatus(200);
            assertThat(Ceremonies.passkeyRow(auth, authenticator.credentialIdBase64Url()).number("counter")).isEqualTo(2L);
        }
    }

    @SqliteAndPostgres
    void aPasskeyRowWrittenByBetterAuthSignsIn(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            Ceremonies.signedIn(auth, "ada@example.com");
            String userId = auth.postern().users().findByEmail("ada@example.com").orElseThrow().id();
            SoftAuthenticator authenticator = new SoftAuthenticator();
            // The row as @better-auth/passkey writes it: base64 (padded) of the COSE key, base64url id.
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "from better-auth");
            row.put("publicKey", Base64.getEncoder().encodeToString(authenticator.coseKey()));
            row.put("userId", userId);
            row.put("credentialID", authenticator.credentialIdBase64Url());
            row.put("counter", 5L);
            row.put("deviceType", "multiDevice");
            row.put("backedUp", true);
            row.put("transports", "internal");
            row.put("createdAt", Instant.now());
            row.put("aaguid", ZERO_AAGUID);
            auth.postern().store().create("passkey", row);
            authenticator.counter(5);

            TestResponse response = Ceremonies.signIn(auth, auth.client(), authenticator).assertStatus(200);

            assertThat(response.json().get("user").get("id").asString()).isEqualTo(userId);
            assertThat(Ceremonies.passkeyRow(auth, authenticator.credentialIdBase64Url()).number("counter")).isEqualTo(6L);
        }
    }

    @SqliteAndPostgres
    void createSessionAnswersThePasskeyWithANewSession(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");
            String before = client.cookie("better-auth.session_token");
            SoftAuthenticator authenticator = new SoftAuthenticator();
            String challenge = client.get("/passkey/generate-register-options").json().get("challenge").asString();

            TestResponse response = client.postJson("/passkey/verify-registration", Map.of(
                    "response", authenticator.register(challenge, Ceremonies.origin(auth), Ceremonies.rpId(auth)),
                    "createSession", true)).assertStatus(200);

            assertThat(response.json().get("credentialID").asString()).isEqualTo(authenticator.credentialIdBase64Url());
            assertThat(response.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            String token = response.json().get("session").get("token").asString();
            assertThat(client.cookie("better-auth.session_token")).startsWith(token + ".").isNotEqualTo(before);
        }
    }

    @SqliteAndPostgres
    void registrationRefusesEveryBadResponseWithoutWriting(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");
            SoftAuthenticator authenticator = new SoftAuthenticator();
            String origin = Ceremonies.origin(auth);
            String rpId = Ceremonies.rpId(auth);

            // No challenge cookie at all.
            auth.client().cookie("better-auth.session_token", client.cookie("better-auth.session_token"))
                    .postJson("/passkey/verify-registration", Map.of("response", authenticator.register("x", origin, rpId)))
                    .assertError(400, "CHALLENGE_NOT_FOUND");
            // A challenge the server never issued (it issued another).
            challenge(client);
            registerWith(client, authenticator.register(fresh(), origin, rpId))
                    .assertError(400, "FAILED_TO_VERIFY_REGISTRATION");
            // Another origin, another relying party.
            registerWith(client, authenticator.register(challenge(client), "https://evil.example", rpId))
                    .assertError(400, "FAILED_TO_VERIFY_REGISTRATION");
            registerWith(client, authenticator.register(challenge(client), origin, "evil.example"))
                    .assertError(400, "FAILED_TO_VERIFY_REGISTRATION");
            // Not a credential at all.
            challenge(client);
            client.postJson("/passkey/verify-registration", Map.of("response", Map.of("id", "abc")))
                    .assertError(400, "FAILED_TO_VERIFY_REGISTRATION");
            challenge(client);
            client.postJson("/passkey/verify-registration", Map.of("response", "garbage"))
                    .assertError(400, "FAILED_TO_VERIFY_REGISTRATION");
            // A challenge spent once, replayed.
            String spent = challenge(client);
            registerWith(client, authenticator.register(spent, origin, "evil.example")).assertStatus(400);
            registerWith(client, authenticator.register(spent, origin, rpId)).assertError(400, "CHALLENGE_NOT_FOUND");
            // An authentication challenge used to register.
            String signInChallenge = client.get("/passkey/generate-authenticate-options").json().get("challenge").asString();
            registerWith(client, authenticator.register(signInChallenge, origin, rpId)).assertError(400, "CHALLENGE_NOT_FOUND");

            assertThat(Ceremonies.passkeyRows(auth)).isZero();
        }
    }

    @SqliteAndPostgres
    void aChallengeIssuedToOneUserCannotRegisterForAnother(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient ada = Ceremonies.signedIn(auth, "ada@example.com");
            TestClient eve = Ceremonies.signedIn(auth, "eve@example.com");
            String challenge = challenge(ada);
            eve.cookie(Ceremonies.CHALLENGE_COOKIE, ada.cookie(Ceremonies.CHALLENGE_COOKIE));

            registerWith(eve, new SoftAuthenticator().register(challenge, Ceremonies.origin(auth), Ceremonies.rpId(auth)))
                    .assertError(401, "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY");
            auth.client().postJson("/passkey/verify-registration", Map.of("response", Map.of()))
                    .assertError(401, "UNAUTHORIZED");

            assertThat(Ceremonies.passkeyRows(auth)).isZero();
        }
    }

    @SqliteAndPostgres
    void authenticationRefusesEveryBadAssertionWithoutASession(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            SoftAuthenticator authenticator = new SoftAuthenticator();
            Ceremonies.register(auth, Ceremonies.signedIn(auth, "ada@example.com"), authenticator, null).assertStatus(200);
            String origin = Ceremonies.origin(auth);
            String rpId = Ceremonies.rpId(auth);
            TestClient browser = auth.client();

            signInWith(browser, authenticator.authenticate(fresh(), origin, rpId)).assertError(400, "CHALLENGE_NOT_FOUND");
            signInWith(browser, new SoftAuthenticator().authenticate(signInChallenge(browser), origin, rpId))
                    .assertError(401, "PASSKEY_NOT_FOUND");
            signInWith(browser, authenticator.authenticate(fresh(), origin, rpId))
                    .assertError(400, "CHALLENGE_NOT_FOUND");
            signInChallenge(browser);
            signInWith(browser, authenticator.authenticate(fresh(), origin, rpId)).assertError(400, "AUTHENTICATION_FAILED");
            signInWith(browser, authenticator.authenticate(signInChallenge(browser), "https://evil.example", rpId))
                    .assertError(400, "AUTHENTICATION_FAILED");
            signInWith(browser, authenticator.authenticate(signInChallenge(browser), origin, "evil.example"))
                    .assertError(400, "AUTHENTICATION_FAILED");
            // A cloned authenticator: its counter is behind the one the server has seen.
            signInWith(browser, authenticator.authenticate(signInChallenge(browser), origin, rpId)).assertStatus(200);
            browser = auth.client();
            authenticator.counter(0);
            signInWith(browser, authenticator.authenticate(signInChallenge(browser), origin, rpId))
                    .assertError(400, "AUTHENTICATION_FAILED");
            // A signature by another key over the right credential id.
            Map<String, Object> forged = new SoftAuthenticator().authenticate(signInChallenge(browser), origin, rpId);
            forged.put("id", authenticator.credentialIdBase64Url());
            signInWith(browser, forged).assertError(400, "AUTHENTICATION_FAILED");
            // A registration challenge used to sign in.
            TestClient owner = Ceremonies.signedIn(auth, "eve@example.com");
            String registrationChallenge = challenge(owner);
            owner.postJson("/passkey/verify-authentication",
                    Map.of("response", authenticator.authenticate(registrationChallenge, origin, rpId)))
                    .assertError(400, "CHALLENGE_NOT_FOUND");
            browser.postJson("/passkey/verify-authentication", Map.of("response", "not an object"))
                    .assertError(400, "VALIDATION_ERROR");
            // No Origin header and no configured origin: nothing to check the client data against.
            TestResponse noOrigin = auth.client().origin(null).postJson("/passkey/verify-authentication",
                    Map.of("response", authenticator.authenticate(fresh(), origin, rpId)));
            assertThat(noOrigin.status()).isEqualTo(400);
            assertThat(noOrigin.json().get("message").asString()).isEqualTo("origin missing");

            assertThat(browser.cookie("better-auth.session_token")).isNull();
        }
    }

    private static String fresh() {
        return Challenges.newChallenge();
    }

    private static String challenge(TestClient client) {
        return client.get("/passkey/generate-register-options").assertStatus(200).json().get("challenge").asString();
    }

    private static String signInChallenge(TestClient client) {
        return client.get("/passkey/generate-authenticate-options").assertStatus(200).json().get("challenge").asString();
    }

    private static TestResponse registerWith(TestClient client, Map<String, Object> credential) {
        return client.postJson("/passkey/verify-registration", Map.of("response", credential));
    }

    private static TestResponse signInWith(TestClient client, Map<String, Object> credential) {
        return client.postJson("/passkey/verify-authentication", Map.of("response", credential));
    }
}
