package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Where;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Fifty sign-ups with one address at once (security issue, part 7): exactly one user and one credential
 * account are created, and every other request gets better-auth's duplicate answer, never a 500.
 */
class ConcurrentSignUpTest {
    private static final int SIGN_UPS = 50;

    @SqliteAndPostgres
    void fiftyParallelSignUpsWithOneAddressCreateExactlyOneUser(TestDatabase database) throws Exception {
        try (TestPostern auth = TestPostern.start(database, new SessionPlugin(), new EmailPasswordPlugin())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestResponse>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < SIGN_UPS; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return auth.client().postJson("/sign-up/email",
                                Map.of("email", "ada@example.com", "password", Users.PASSWORD, "name", "Ada"));
                    }));
                }
                start.countDown();
                Map<String, Integer> outcomes = new TreeMap<>();
                for (Future<TestResponse> answer : answers) {
                    TestResponse response = answer.get(2, TimeUnit.MINUTES);
                    String code = response.status() == 200 ? "" : " " + response.json().path("code").asString();
                    outcomes.merge(response.status() + code, 1, Integer::sum);
                }

                assertThat(outcomes).containsOnly(Map.entry("200", 1),
                        Map.entry("422 USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", SIGN_UPS - 1));
            }
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.all())).isEqualTo(1);
            assertThat(auth.postern().store().count(CoreSchema.ACCOUNT, Where.all())).isEqualTo(1);
            assertThat(auth.postern().store().count(CoreSchema.SESSION, Where.all())).isEqualTo(1);
        }
    }
}
