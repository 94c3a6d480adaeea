package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile request bodies and queries (security issue, part 6): each is a 4xx in better-auth's error shape,
 * never a 500, and leaves every table as it was. Sent over real HTTP, so Jetty's reading of the body is
 * covered too.
 */
class HostileInputTest {
    private static final String SIGN_UP = "{\"email\":\"ada@example.com\",\"password\":\"" + Users.PASSWORD + "\",\"name\":%s}";

    private static TestPostern start(TestDatabase database, Consumer<dev.postern.PosternConfig.Builder> config) {
        return TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin())
                .configure(config).start();
    }

    private static TestPostern start() {
        return start(TestDatabase.SQLITE, b -> { });
    }

    /** Sends the request and checks that nothing was stored, whatever the answer. */
    private static TestResponse refusedWithoutChange(TestPostern auth, java.util.function.Supplier<TestResponse> send) {
        RowCounts before = RowCounts.of(auth.postern());
        TestResponse response = send.get();
        assertThat(RowCounts.of(auth.postern())).isEqualTo(before);
        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        return response;
    }

    private static TestResponse postBytes(TestClient client, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = client.builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request);
    }

    @Test
    void aBodyOverTheDefaultLimitOfOneMebibyteIs413() {
        try (TestPostern auth = start()) {
            String name = "\"" + "a".repeat(1 << 20) + "\"";

            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", "application/json", SIGN_UP.formatted(name)))
                    .assertError(413, "PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void theBodyLimitIsConfigurable() {
        try (TestPostern auth = start(TestDatabase.SQLITE, b -> b.maxBodyBytes(2_000))) {
            String tooLong = "\"" + "a".repeat(2_000) + "\"";

            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", "application/json", SIGN_UP.formatted(tooLong)))
                    .assertError(413, "PAYLOAD_TOO_LARGE");
            auth.client().post("/sign-up/email", "application/json", SIGN_UP.formatted("\"Ada\"")).assertStatus(200);
        }
    }

    @Test
    void jsonNestedDeeperThanThirtyTwoLevelsIs400() {
        try (TestPostern auth = start()) {
            String deep = "[".repeat(40) + "]".repeat(40);
            String shallow = "[".repeat(10) + "]".repeat(10);

            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", "application/json", SIGN_UP.formatted(deep)))
                    .assertError(400, "BAD_REQUEST");
            // Within the limit the body parses, and the schema refuses the array where a string belongs.
            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", "application/json", SIGN_UP.formatted(shallow)))
                    .assertError(400, "VALIDATION_ERROR");
        }
    }

    @Test
    void aStringLongerThanOneMebibyteIs400EvenUnderALargerBodyLimit() {
        try (TestPostern auth = start(TestDatabase.SQLITE, b -> b.maxBodyBytes(3 << 20))) {
            String name = "\"" + "a".repeat((1 << 20) + 1) + "\"";

            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", "application/json", SIGN_UP.formatted(name)))
                    .assertError(400, "BAD_REQUEST");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json-patch+json"})
    void aMediaTypeTheEndpointDoesNotAcceptIs415(String contentType) {
        try (TestPostern auth = start()) {
            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", contentType, SIGN_UP.formatted("\"Ada\"")))
                    .assertError(415, "UNSUPPORTED_MEDIA_TYPE");
            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", null, SIGN_UP.formatted("\"Ada\"")))
                    .assertError(415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @Test
    void invalidUtf8InAJsonBodyIs400() {
        try (TestPostern auth = start()) {
            byte[] body = SIGN_UP.formatted("\"A\u0001\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int at = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u0001');
            body[at] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8

            refusedWithoutChange(auth, () -> postBytes(auth.client(), "/sign-up/email", "application/json", body))
                    .assertError(400, "BAD_REQUEST");
        }
    }

    @Test
    void invalidUtf8InAFormBodyIs400() {
        try (TestPostern auth = start()) {
            byte[] prefix = "email=ada%40example.com&password=correct+horse+battery&name=A".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] body = java.util.Arrays.copyOf(prefix, prefix.length + 2);
            body[prefix.length] = (byte) 0xFF;
            body[prefix.length + 1] = (byte) 0xFE;

            refusedWithoutChange(auth, () -> postBytes(auth.client().origin(null), "/sign-up/email",
                    "application/x-www-form-urlencoded", body)).assertError(400, "BAD_REQUEST");
        }
    }

    @Test
    void unknownFieldsAreDroppedAndNeverStored() {
        try (TestPostern auth = start()) {
            TestResponse response = auth.client().postJson("/sign-up/email", Map.of("email", "ada@example.com",
                    "password", Users.PASSWORD, "name", "Ada", "role", "admin", "banned", false, "id", "chosen-id"));

            response.assertStatus(200);
            assertThat(response.json().get("user").has("role")).isFalse();
            assertThat(response.json().get("user").get("id").asString()).isNotEqualTo("chosen-id");
            assertThat(auth.postern().users().findByEmail("ada@example.com").orElseThrow().values())
                    .doesNotContainKeys("role", "banned");
        }
    }

    @Test
    void aRepeatedJsonKeyIs400RatherThanTheLastOneWinning() {
        try (TestPostern auth = start()) {
            String body = "{\"email\":\"ada@example.com\",\"email\":\"eve@example.com\",\"password\":\""
                    + Users.PASSWORD + "\",\"name\":\"Ada\"}";

            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", "application/json", body))
                    .assertError(400, "BAD_REQUEST");
        }
    }

    @Test
    void aNumberWhereAStringBelongsIsAValidationError() {
        try (TestPostern auth = start()) {
            TestResponse response = refusedWithoutChange(auth,
                    () -> auth.client().post("/sign-up/email", "application/json", SIGN_UP.formatted("42")));

            response.assertError(400, "VALIDATION_ERROR");
            assertThat(response.json().get("message").asString())
                    .isEqualTo("[body.name] Invalid input: expected string, received number");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "null", "\"text\"", "true"})
    void aBodyThatIsNotAnObjectIs400(String body) {
        try (TestPostern auth = start()) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");

            refusedWithoutChange(auth, () -> client.post("/sign-up/email", "application/json", body))
                    .assertError(400, "VALIDATION_ERROR");
            refusedWithoutChange(auth, () -> client.post("/sign-out", "application/json", body)).assertStatus(400);
        }
    }

    @Test
    void aBodyOfOnlyWhiteSpaceIsInvalidJson() {
        try (TestPostern auth = start()) {
            refusedWithoutChange(auth, () -> auth.client().post("/sign-up/email", "application/json", "  \n "))
                    .assertError(400, "BAD_REQUEST");
        }
    }

    /** In process: Java's HTTP client refuses to send these URIs at all. */
    @ParameterizedTest
    @ValueSource(strings = {"/verify-email?token=%E0%A4%A&callbackURL=%zz", "/verify-email?token=%&%=%",
            "/reset-password/%C0%AF?callbackURL=%2", "/verify-email?token=%FF%FE"})
    void malformedPercentEncodingInAQueryOrPathIsAClientError(String pathAndQuery) {
        try (TestPostern auth = start()) {
            TestResponse response = refusedWithoutChange(auth, () -> inProcess(auth, "GET", pathAndQuery));

            assertThat(response.json().has("message")).isTrue();
        }
    }

    private static TestResponse inProcess(TestPostern auth, String method, String pathAndQuery) {
        dev.postern.http.AuthResponse answer = auth.postern().handle(
                dev.postern.http.AuthRequest.builder(method, auth.postern().config().basePath() + pathAndQuery).build());
        return new TestResponse(answer.status(), answer.headers().asMap(), answer.bodyText());
    }

    @SqliteAndPostgres
    void aNulCharacterIs400OnEveryDatabaseInsteadOfADatabaseError(TestDatabase database) {
        try (TestPostern auth = start(database, b -> { })) {
            TestClient client = auth.client();

            refusedWithoutChange(auth, () -> client.post("/sign-up/email", "application/json", SIGN_UP.formatted("\"A\\u0000da\"")))
                    .assertError(400, "BAD_REQUEST");
            refusedWithoutChange(auth, () -> client.post("/request-password-reset", "application/json",
                    "{\"email\":\"a\\u0000@example.com\"}")).assertStatus(400);
            // Jetty refuses %00 in a path itself; in process, the path parameter reaches Postern's check.
            refusedWithoutChange(auth, () -> inProcess(auth, "GET", "/reset-password/a%00b?callbackURL=/x"))
                    .assertError(400, "BAD_REQUEST");
            refusedWithoutChange(auth, () -> client.get("/verify-email?token=a%00b")).assertError(400, "BAD_REQUEST");
        }
    }
}
