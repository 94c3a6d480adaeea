package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;

/** A deleted user's passkeys go with them (the foreign key cascades, as in better-auth's schema). */
class PasskeyUserDeletionTest {

    @SqliteAndPostgres
    void deletingAUserDeletesTheirPasskeys(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");
            SoftAuthenticator authenticator = new SoftAuthenticator();
            Ceremonies.register(auth, client, authenticator, null).assertStatus(200);
            String userId = auth.postern().users().findByEmail("ada@example.com").orElseThrow().id();

            auth.postern().store().transaction(tx -> {
                auth.postern().users().in(tx).delete(userId);
                return null;
            });

            assertThat(Ceremonies.passkeyRows(auth)).isZero();
            Ceremonies.signIn(auth, auth.client(), authenticator).assertError(401, "PASSKEY_NOT_FOUND");
        }
    }
}
