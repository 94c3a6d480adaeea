package dev.postern.plugin.jwt;

import dev.postern.store.Row;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the {@code jwks} table. The key id ({@code kid} of tokens and of the key set) is the row id.
 *
 * @param alg the row's algorithm; empty for rows written before the column existed (they have the
 *     configured default, as in better-auth)
 */
public record StoredKey(String id, Optional<String> alg, Optional<String> crv, String publicKey, String privateKey,
                        Instant createdAt, Optional<Instant> expiresAt) {

    static StoredKey of(Row row) {
        return new StoredKey(row.id(), Optional.ofNullable(row.string("alg")), Optional.ofNullable(row.string("crv")),
                row.string("publicKey"), row.string("privateKey"), row.instant("createdAt"),
                Optional.ofNullable(row.instant("expiresAt")));
    }

    /** Signs new tokens only while not expired. */
    boolean liveAt(Instant now) {
        return expiresAt.isEmpty() || expiresAt.get().isAfter(now);
    }

    /** Published in the key set until {@code gracePeriod} after it expired. */
    boolean publishedAt(Instant now, java.time.Duration gracePeriod) {
        return expiresAt.isEmpty() || expiresAt.get().plus(gracePeriod).isAfter(now);
    }

    /** The algorithm of this key: its column, else the configured one. */
    String algOr(JwtAlgorithm configured) {
        return alg.orElse(configured.jwaName());
    }
}
