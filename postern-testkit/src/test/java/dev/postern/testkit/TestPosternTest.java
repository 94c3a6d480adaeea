package dev.postern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.endpoint.Endpoint;
import dev.postern.http.Cookie;
import dev.postern.plugin.Plugin;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The harness every plugin test stands on: a real, migrated database behind a real HTTP port. */
class TestPosternTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void startServesOkOverHttpOnAMigratedDatabase(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database)) {
            TestResponse ok = auth.client().get("/ok").assertStatus(200);
            assertThat(ok.body()).isEqualTo("{\"ok\":true}");

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Row user = auth.postern().store().create("user", Map.of(
                    "name", "Ada", "email", "ada@example.com", "updatedAt", now, "createdAt", now));
            Row found = auth.postern().store().findOne("user", Where.eq("email", "ada@example.com")).orElseThrow();

            assertThat(found.id()).isEqualTo(user.id()).hasSize(32);
            assertThat(found.bool("emailVerified")).isFalse();
            assertThat(found.instant("createdAt")).isEqualTo(now);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachInstanceGetsItsOwnEmptyDatabase(TestDatabase database) {
        try (TestPostern first = TestPostern.start(database); TestPostern second = TestPostern.start(database)) {
            Instant now = Instant.now();
            first.postern().store().create("user", Map.of("name", "A", "email", "a@example.com", "updatedAt", now));

            assertThat(first.postern().store().count("user", Where.all())).isEqualTo(1);
            assertThat(second.postern().store().count("user", Where.all())).isZero();
        }
    }

    /** Sets a cookie, deletes it on request, and echoes what the client sent. */
    static final class EchoPlugin implements Plugin {
        @Override
        public String id() {
            return "echo";
        }

        @Override
        public List<Endpoint> endpoints() {
            return List.of(
                    Endpoint.post("/echo/set").name("echoSet").handler(ctx -> {
                        ctx.setCookie(Cookie.of("better-auth.probe", "v1"));
                        return Map.of("set", true);
                    }).build(),
                    Endpoint.post("/echo/clear").name("echoClear").handler(ctx -> {
                        ctx.setCookie(Cookie.of("better-auth.probe", "").expired());
                        return Map.of("cleared", true);
                    }).build(),
                    Endpoint.get("/echo").name("echo").handler(ctx -> Map.of(
                            "origin", ctx.request().header("Origin").orElse(""),
                            "cookie", ctx.request().cookie("better-auth.probe").orElse(""))).build());
        }
    }

    @Test
    void theClientKeepsCookiesHonoursDeletionAndSendsTheOrigin() {
        try (TestPostern auth = TestPostern.builder().plugins(new EchoPlugin()).start()) {
            TestClient client = auth.client();

            client.postJson("/echo/set", Map.of()).assertStatus(200);
            TestResponse withCookie = client.get("/echo").assertStatus(200);
            client.postJson("/echo/clear", Map.of()).assertStatus(200);
            TestResponse afterClear = client.get("/echo").assertStatus(200);

            assertThat(withCookie.json().get("cookie").asString()).isEqualTo("v1");
            assertThat(withCookie.json().get("origin").asString()).isEqualTo(auth.origin().toString());
            assertThat(afterClear.json().get("cookie").asString()).isEmpty();
            assertThat(client.cookies()).doesNotContainKey("better-auth.probe");
        }
    }
}
