package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.http.AuthResponse;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RequestInterceptor;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.ratelimit.RateLimitStorageType;
import dev.postern.store.StoreUnavailableException;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The database going away (security issue, part 7): requests get 503 {@code DATABASE_UNAVAILABLE} in
 * better-auth's error shape, wherever the failure happens (a rate limiter on database storage, a handler),
 * and Postern serves again by itself once the database is back. The PostgreSQL server is never stopped,
 * since others share it: the test's own database refuses connections and its sessions are terminated.
 */
class DatabaseOutageTest {
    private static final String PG_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";
    /** Bounds on waiting; the assertions never depend on how fast anything is. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aPostgresOutageIs503AndPosternRecoversWhenTheDatabaseComesBack() throws Exception {
        RateLimitSettings limitsInTheDatabase = RateLimitSettings.builder()
                .storage(RateLimitStorageType.DATABASE).window(Duration.ofSeconds(10)).max(1_000_000).build();
        try (TestPostern auth = TestPostern.builder().database(TestDatabase.POSTGRES)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin())
                .configure(b -> b.rateLimit(limitsInTheDatabase)).start()) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");
            String name = auth.database().name();
            try {
                admin("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS false");
                admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

                TestResponse down = awaitResponse(() -> client.get("/get-session"), r -> r.status() == 503);

                down.assertError(503, "DATABASE_UNAVAILABLE");
                assertThat(down.json().get("message").asString()).isEqualTo("The database is unavailable. Please try again later.");
                Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(503, "DATABASE_UNAVAILABLE");
            } finally {
                admin("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS true");
            }

            TestResponse back = awaitResponse(() -> client.get("/get-session"), r -> r.status() == 200);

            assertThat(back.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    /** A failure inside an interceptor, before routing reaches the endpoint, is a 503 too, not a bare 500. */
    @Test
    void anUnavailableDatabaseInsideAnInterceptorIs503() {
        Plugin failingInterceptor = new Plugin() {
            @Override
            public String id() {
                return "failing-interceptor";
            }

            @Override
            public List<RequestInterceptor> requestInterceptors() {
                return List.of((request, path, postern) -> {
                    throw new StoreUnavailableException("rate limit lookup failed: the database is unavailable",
                            new SQLException("connection refused", "08001"));
                });
            }
        };
        try (TestPostern auth = TestPostern.start(new SessionPlugin(), failingInterceptor)) {
            auth.client().get("/get-session").assertError(503, "DATABASE_UNAVAILABLE");
        }
    }

    private static TestResponse awaitResponse(Supplier<TestResponse> request, Predicate<TestResponse> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        TestResponse last = request.get();
        while (!wanted.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not the expected answer after " + PATIENCE + ": " + last.status() + " " + last.body());
            }
            assertThat(last.status()).as("no 500 while the database comes and goes: " + last.body()).isNotEqualTo(500);
            Thread.sleep(200);
            last = request.get();
        }
        return last;
    }

    private static void admin(String sql) throws SQLException {
        SQLException last = null;
        for (String user : new String[] {"postgres", "root"}) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN, user, ""); Statement s = c.createStatement()) {
                s.execute(sql);
                return;
            } catch (SQLException e) {
                last = e;
            }
        }
        throw last;
    }
}
