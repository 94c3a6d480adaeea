package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Operator;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The two options endpoints (wire reference §12 "passkey"), as SimpleWebAuthn 13 shapes them. */
class PasskeyOptionsTest {

    @SqliteAndPostgres
    void registrationOptionsFollowSimpleWebAuthnAndRememberTheChallenge(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");

            TestResponse response = client.get("/passkey/generate-register-options").assertStatus(200);

            JsonNode options = response.json();
            String challenge = options.get("challenge").asString();
            assertThat(Base64.getUrlDecoder().decode(challenge)).hasSize(32);
            assertThat(options.get("rp").get("id").asString()).isEqualTo("127.0.0.1");
            assertThat(options.get("rp").get("name").asString()).isEqualTo(auth.postern().config().appName());
            assertThat(Base64.getUrlDecoder().decode(options.get("user").get("id").asString())).hasSize(32);
            assertThat(options.get("user").get("name").asString()).isEqualTo("ada@example.com");
            assertThat(options.get("user").get("displayName").asString()).isEqualTo("ada@example.com");
            assertThat(algorithms(options)).containsExactly(-8, -7, -257);
            assertThat(options.get("timeout").asInt()).isEqualTo(60000);
            assertThat(options.get("attestation").asString()).isEqualTo("none");
            assertThat(options.get("excludeCredentials").size()).isZero();
            JsonNode selection = options.get("authenticatorSelection");
            assertThat(selection.get("residentKey").asString()).isEqualTo("preferred");
            assertThat(selection.get("userVerification").asString()).isEqualTo("preferred");
            assertThat(selection.get("requireResidentKey").asBoolean()).isFalse();
            assertThat(selection.has("authenticatorAttachment")).isFalse();
            assertThat(options.get("extensions").get("credProps").asBoolean()).isTrue();

            String cookie = response.setCookies().stream().filter(c -> c.startsWith(Ceremonies.CHALLENGE_COOKIE + "="))
                    .findFirst().orElseThrow();
            assertThat(cookie).contains("Max-Age=300").contains("HttpOnly");
            Row row = auth.postern().store().findOne("verification", Where.of("value", Operator.CONTAINS, challenge))
                    .orElseThrow();
            assertThat(client.cookie(Ceremonies.CHALLENGE_COOKIE)).startsWith(row.string("identifier") + ".");
            assertThat(row.string("identifier")).matches("[A-Za-z0-9]{32}");
            JsonNode value = dev.postern.json.Json.parse(row.string("value"));
            assertThat(value.get("type").asString()).isEqualTo("registration");
            assertThat(value.get("expectedChallenge").asString()).isEqualTo(challenge);
            assertThat(value.get("userData").get("id").asString())
                    .isEqualTo(auth.postern().users().findByEmail("ada@example.com").orElseThrow().id());
        }
    }

    @SqliteAndPostgres
    void registrationOptionsTakeTheAttachmentAndNameAndExcludeRegisteredPasskeys(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");
            SoftAuthenticator authenticator = new SoftAuthenticator();
            Ceremonies.register(auth, client, authenticator, null).assertStatus(200);

            JsonNode options = client.get("/passkey/generate-register-options?authenticatorAttachment=platform&name=Work")
                    .assertStatus(200).json();

            assertThat(options.get("user").get("name").asString()).isEqualTo("Work");
            assertThat(options.get("authenticatorSelection").get("authenticatorAttachment").asString()).isEqualTo("platform");
            JsonNode excluded = options.get("excludeCredentials");
            assertThat(excluded.size()).isEqualTo(1);
            assertThat(excluded.get(0).get("id").asString()).isEqualTo(authenticator.credentialIdBase64Url());
            assertThat(excluded.get(0).get("type").asString()).isEqualTo("public-key");
            assertThat(excluded.get(0).get("transports").get(0).asString()).isEqualTo("internal");
            assertThat(excluded.get(0).get("transports").get(1).asString()).isEqualTo("hybrid");

            client.get("/passkey/generate-register-options?authenticatorAttachment=usb")
                    .assertError(400, "VALIDATION_ERROR");
        }
    }

    @SqliteAndPostgres
    void registrationOptionsNeedASession(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestResponse response = auth.client().get("/passkey/generate-register-options");

            response.assertError(401, "UNAUTHORIZED");
            assertThat(response.setCookies()).noneMatch(c -> c.startsWith(Ceremonies.CHALLENGE_COOKIE));
        }
    }

    @SqliteAndPostgres
    void signedOutAuthenticationOptionsLeaveTheChoiceToDiscoverableCredentials(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient owner = Ceremonies.signedIn(auth, "ada@example.com");
            SoftAuthenticator authenticator = new SoftAuthenticator();
            Ceremonies.register(auth, owner, authenticator, null).assertStatus(200);

            JsonNode signedOut = auth.client().get("/passkey/generate-authenticate-options").assertStatus(200).json();
            JsonNode signedIn = owner.get("/passkey/generate-authenticate-options").assertStatus(200).json();

            assertThat(signedOut.get("rpId").asString()).isEqualTo("127.0.0.1");
            assertThat(Base64.getUrlDecoder().decode(signedOut.get("challenge").asString())).hasSize(32);
            assertThat(signedOut.get("timeout").asInt()).isEqualTo(60000);
            assertThat(signedOut.get("userVerification").asString()).isEqualTo("preferred");
            assertThat(signedOut.has("allowCredentials")).isFalse();
            JsonNode allowed = signedIn.get("allowCredentials");
            assertThat(allowed.size()).isEqualTo(1);
            assertThat(allowed.get(0).get("id").asString()).isEqualTo(authenticator.credentialIdBase64Url());
            assertThat(allowed.get(0).get("type").asString()).isEqualTo("public-key");
        }
    }

    @SqliteAndPostgres
    void configuredRelyingPartyAndSelectionAreUsed(TestDatabase database) {
        PasskeyOptions options = new PasskeyOptions("example.com", "Example", List.of("https://example.com"),
                new PasskeyOptions.AuthenticatorSelection("cross-platform", "required", null, "required"), null);
        try (TestPostern auth = TestPostern.start(database, new dev.postern.plugin.emailpassword.EmailPasswordPlugin(),
                new PasskeyPlugin(options))) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");

            JsonNode registration = client.get("/passkey/generate-register-options").assertStatus(200).json();
            JsonNode authentication = client.get("/passkey/generate-authenticate-options").assertStatus(200).json();

            assertThat(registration.get("rp").get("id").asString()).isEqualTo("example.com");
            assertThat(registration.get("rp").get("name").asString()).isEqualTo("Example");
            JsonNode selection = registration.get("authenticatorSelection");
            assertThat(selection.get("residentKey").asString()).isEqualTo("required");
            assertThat(selection.get("requireResidentKey").asBoolean()).isTrue();
            assertThat(selection.get("userVerification").asString()).isEqualTo("required");
            assertThat(selection.get("authenticatorAttachment").asString()).isEqualTo("cross-platform");
            assertThat(authentication.get("rpId").asString()).isEqualTo("example.com");
        }
    }

    private static List<Integer> algorithms(JsonNode options) {
        List<Integer> algorithms = new ArrayList<>();
        options.get("pubKeyCredParams").forEach(p -> {
            assertThat(p.get("type").asString()).isEqualTo("public-key");
            algorithms.add(p.get("alg").asInt());
        });
        return algorithms;
    }
}
