package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A reset token is single-use even when redeemed by several requests at once (wire reference §9.5). */
class ResetTokenRedemptionTest {
    private static final int CONCURRENT = 6;

    @SqliteAndPostgres
    void concurrentResetsWithOneTokenSucceedExactlyOnce(TestDatabase database) throws Exception {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TestPostern.builder().database(database).plugins(new EmailPasswordPlugin())
                     .configure(b -> b.mailer(mailbox.mailer())).start()) {
            Users.signUp(auth.client(), "ada@example.com");
            auth.client().postJson("/request-password-reset", Map.of("email", "ada@example.com")).assertStatus(200);
            String token = mailbox.lastTo("ada@example.com").lastPathSegment();

            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestResponse>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT)) {
                for (int i = 0; i < CONCURRENT; i++) {
                    String password = "new password " + i;
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return auth.client().postJson("/reset-password", Map.of("newPassword", password, "token", token));
                    }));
                }
                start.countDown();
            }

            List<Integer> statuses = new ArrayList<>();
            for (Future<TestResponse> result : results) {
                TestResponse response = result.get(60, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() != 200) {
                    response.assertError(400, "INVALID_TOKEN");
                }
            }
            assertThat(statuses).containsOnlyOnce(200);
        }
    }
}
