package dev.postern.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.schema.CoreSchema;
import dev.postern.store.Operator;
import dev.postern.store.Row;
import dev.postern.store.Store.WithParent;
import dev.postern.store.Where;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Store conformance: a row read together with the row its foreign key names (a session and its user, the
 * lookup behind nearly every request), in one statement, equal to what two separate reads give.
 */
interface JoinConformance extends StoreFixture {

    private Row user(String id, String email) {
        return store().create(CoreSchema.USER, Map.of("id", id, "name", "User " + id, "email", email,
                "emailVerified", false, "createdAt", T0, "updatedAt", T0));
    }

    private Row session(String token, String userId) {
        return store().create(CoreSchema.SESSION, Map.of("token", token, "userId", userId,
                "expiresAt", T0.plusSeconds(3600), "createdAt", T0, "updatedAt", T0, "ipAddress", "127.0.0.1"));
    }

    @Test
    default void findsTheRowAndItsParentAsTwoReadsWould() {
        user("u1", "one@example.com");
        user("u2", "two@example.com");
        session("token-1", "u1");
        session("token-2", "u2");

        Optional<WithParent> found = store().findOneWithParent(CoreSchema.SESSION, Where.eq("token", "token-2"),
                "userId", CoreSchema.USER);

        assertThat(found).isPresent();
        assertThat(found.get().row()).isEqualTo(store().findOne(CoreSchema.SESSION, Where.eq("token", "token-2")).orElseThrow());
        assertThat(found.get().parent()).isEqualTo(store().findOne(CoreSchema.USER, Where.eq("id", "u2")).orElseThrow());
        assertThat(found.get().parent().string("email")).isEqualTo("two@example.com");
    }

    /** The point of the join: the lookup behind nearly every request is one round trip, not two. */
    @Test
    default void readsTheRowAndItsParentWithOneStatement() {
        user("u1", "one@example.com");
        session("token-1", "u1");
        CountingDataSource counting = new CountingDataSource(provider().dataSource());
        JdbcStore store = new JdbcStore(counting.dataSource(), dialect(), ConformanceSchema.SCHEMA);

        Optional<WithParent> found = store.findOneWithParent(CoreSchema.SESSION, Where.eq("token", "token-1"),
                "userId", CoreSchema.USER);

        assertThat(found).map(withParent -> withParent.parent().id()).contains("u1");
        assertThat(counting.statements()).isEqualTo(1);
    }

    @Test
    default void nothingWhenNoRowMatches() {
        user("u1", "one@example.com");
        session("token-1", "u1");

        assertThat(store().findOneWithParent(CoreSchema.SESSION, Where.eq("token", "token-9"), "userId",
                CoreSchema.USER)).isEmpty();
        assertThat(store().findOneWithParent(CoreSchema.SESSION,
                Where.eq("token", "token-1").and("expiresAt", Operator.GT, T0.plusSeconds(7200)), "userId",
                CoreSchema.USER)).isEmpty();
    }

    /** Columns both tables have (id, createdAt) come from the right one. */
    @Test
    default void sharedColumnNamesKeepTheirOwnTablesValues() {
        user("u1", "one@example.com");
        Row session = session("token-1", "u1");

        WithParent found = store().findOneWithParent(CoreSchema.SESSION, Where.eq("token", "token-1"), "userId",
                CoreSchema.USER).orElseThrow();

        assertThat(found.row().id()).isEqualTo(session.id());
        assertThat(found.parent().id()).isEqualTo("u1");
    }

    @Test
    default void worksInsideATransaction() {
        Optional<WithParent> found = store().transaction(tx -> {
            tx.create(CoreSchema.USER, Map.of("id", "u3", "name", "Three", "email", "three@example.com",
                    "emailVerified", true, "createdAt", T0, "updatedAt", T0));
            tx.create(CoreSchema.SESSION, Map.of("token", "token-3", "userId", "u3", "expiresAt", T0.plusSeconds(60),
                    "createdAt", T0, "updatedAt", T0));
            return tx.findOneWithParent(CoreSchema.SESSION, Where.eq("token", "token-3"), "userId", CoreSchema.USER);
        });

        assertThat(found).map(pair -> pair.parent().string("email")).contains("three@example.com");
    }
}
