package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserOptions;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.schema.CoreSchema;
import dev.postern.store.DatabaseHooks;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/**
 * A multi-row change interrupted half-way, by a failure injected between its writes with a database hook,
 * leaves no partial rows (security issue, part 7). Sign-up (user, then account) is covered by
 * {@code SignUpTest.aFailingAccountHookRollsBackTheUser}; these are the password reset (consume the token,
 * delete the sessions, then update the account) and the deletion of a user (sessions, accounts, then the
 * user row).
 */
class PartialWriteTest {

    /** The fault: a crash, not a refusal, so nothing in the flow expects it. */
    private static RuntimeException injected() {
        return new IllegalStateException("injected failure between two writes");
    }

    @SqliteAndPostgres
    void aPasswordResetInterruptedAfterRevokingSessionsKeepsTokenSessionsAndPassword(TestDatabase database) {
        DatabaseHooks failLastWrite = DatabaseHooks.create().afterUpdate(CoreSchema.ACCOUNT, row -> {
            throw injected();
        });
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TestPostern.builder().database(database)
                     .plugins(new SessionPlugin(), new EmailPasswordPlugin(EmailPasswordOptions.builder()
                             .revokeSessionsOnPasswordReset(true).build()))
                     .configure(b -> b.mailer(mailbox.mailer()).databaseHooks(failLastWrite)).start()) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");
            client.postJson("/request-password-reset", Map.of("email", "ada@example.com")).assertStatus(200);
            String token = mailbox.lastTo("ada@example.com").lastPathSegment();
            RowCounts before = RowCounts.of(auth.postern());

            TestResponse reset = client.postJson("/reset-password", Map.of("newPassword", "a new password", "token", token));

            assertThat(reset.status()).isEqualTo(500);
            assertThat(reset.body()).isEmpty();
            assertThat(RowCounts.of(auth.postern())).isEqualTo(before);
            assertThat(before.counts()).containsEntry(CoreSchema.SESSION, 1L).containsEntry(CoreSchema.VERIFICATION, 1L);
            client.get("/get-session").assertStatus(200);
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void aDeletionInterruptedBeforeTheUserRowKeepsSessionsAndAccounts(TestDatabase database) {
        DatabaseHooks failLastWrite = DatabaseHooks.create().beforeDelete(CoreSchema.USER, row -> {
            throw injected();
        });
        try (TestPostern auth = TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(),
                        new UserPlugin(UserOptions.defaults().withDeleteUser(UserOptions.DeleteUserOptions.on())))
                .configure(b -> b.databaseHooks(failLastWrite)).start()) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");
            RowCounts before = RowCounts.of(auth.postern());

            TestResponse deleted = client.postJson("/delete-user", Map.of("password", Users.PASSWORD));

            assertThat(deleted.status()).isEqualTo(500);
            assertThat(RowCounts.of(auth.postern())).isEqualTo(before);
            assertThat(before.counts()).containsEntry(CoreSchema.USER, 1L).containsEntry(CoreSchema.SESSION, 1L)
                    .containsEntry(CoreSchema.ACCOUNT, 1L);
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }
}
