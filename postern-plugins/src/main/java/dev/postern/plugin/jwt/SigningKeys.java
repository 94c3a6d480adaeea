package dev.postern.plugin.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import dev.postern.Postern;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.json.Json;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;

/**
 * The keys of the {@code jwks} table, read, decrypted and parsed once per key and kept in memory, so
 * signing a token costs one signature and no database read or decryption.
 *
 * <p><b>Several nodes.</b> The table is the only shared state, so a node re-reads it (one small query; keys
 * already parsed stay parsed) when its snapshot is older than {@code keyCacheTtl}, when its current key
 * has expired by its own clock, when asked to verify a token whose {@code kid} it does not know (at most
 * once a second), and on every {@code GET /jwks}, which reads the table as better-auth does. A key rotated
 * elsewhere (another node, {@code postern keys rotate}) is therefore used for signing here within
 * {@code keyCacheTtl}, and its tokens verify here at once. Rotation expires the old keys instead of
 * deleting them, so tokens this node signed with its older snapshot still verify everywhere during the
 * grace period.
 */
public final class SigningKeys {
    private static final long MIN_UNKNOWN_KID_REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final JwtOptions options;
    private final Store store;
    private final Clock clock;
    private final SymmetricEncryption encryption;
    private final ConcurrentMap<String, Signing> signers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    /** When an unknown kid last made this node re-read the table (monotonic), to bound forged-kid floods. */
    private final java.util.concurrent.atomic.AtomicLong lastUnknownKidReload =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - MIN_UNKNOWN_KID_REFRESH_NANOS);

    SigningKeys(JwtOptions options, Postern postern) {
        this.options = options;
        this.store = postern.store();
        this.clock = postern.config().clock();
        this.encryption = new SymmetricEncryption(postern.config().secrets());
    }

    /** A key ready to sign: the row, its algorithm and its signer. */
    public record Signing(StoredKey key, JwtAlgorithm alg, JWSSigner signer) {
    }

    private record Snapshot(List<StoredKey> keys, Instant loadedAt) {
    }

    /** The key new tokens are signed with, making the first one when the table has no live key. */
    public Signing current() {
        Instant now = clock.instant();
        Snapshot cached = snapshot;
        if (cached == null || !cached.loadedAt().plus(options.keyCacheTtl()).isAfter(now)) {
            cached = reload();
        }
        Optional<StoredKey> key = pickSigningKey(cached.keys(), now);
        if (key.isEmpty()) {
            key = mintIfNoLiveKey();
        }
        return signing(key.get());
    }

    /** Every stored key, read from the table now (the snapshot is refreshed with it). */
    public List<StoredKey> all() {
        return reload().keys();
    }

    /** The keys {@code GET /jwks} publishes: all but those expired longer than the grace period ago. */
    public List<StoredKey> published() {
        List<StoredKey> keys = all();
        if (keys.isEmpty()) {
            mintIfNoLiveKey();
            keys = snapshot.keys();
        }
        Instant now = clock.instant();
        return keys.stream().filter(k -> k.publishedAt(now, options.gracePeriod())).toList();
    }

    /**
     * Rotates: every live key expires now (it stays published for the grace period, so tokens it signed
     * keep verifying) and a new key is created and used from now on. One transaction.
     *
     * @return the new key
     */
    public StoredKey rotate() {
        Instant now = now();
        StoredKey created = store.transaction(tx -> {
            for (Row row : tx.findMany(JwksTable.NAME, Query.all())) {
                if (StoredKey.of(row).liveAt(now)) {
                    tx.update(JwksTable.NAME, Where.eq("id", row.id()), Map.of("expiresAt", now));
                }
            }
            return create(tx, now);
        });
        reload();
        return created;
    }

    /** The verifier of key {@code kid} with its algorithm, re-reading the table once for an unknown kid. */
    Optional<Verification> verifier(String kid) {
        Optional<StoredKey> key = find(snapshotOrLoad(), kid);
        if (key.isEmpty() && mayReloadForUnknownKid()) {
            key = find(reload(), kid);
        }
        return key.map(k -> {
            JwtAlgorithm alg = algorithm(k);
            return new Verification(k, alg, verifiers.computeIfAbsent(k.id(), id -> parseVerifier(k, alg)));
        });
    }

    private boolean mayReloadForUnknownKid() {
        long last = lastUnknownKidReload.get();
        long now = System.nanoTime();
        return now - last >= MIN_UNKNOWN_KID_REFRESH_NANOS && lastUnknownKidReload.compareAndSet(last, now);
    }

    record Verification(StoredKey key, JwtAlgorithm alg, JWSVerifier verifier) {
    }

    /** The public JWK of a key as {@code GET /jwks} shows it: {@code alg}, {@code crv}, the key, {@code kid}. */
    Map<String, Object> publicJwk(StoredKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("alg", key.algOr(options.keyPairConfig().alg()));
        Optional<String> crv = key.crv().or(() -> options.keyPairConfig().crv());
        crv.ifPresent(c -> jwk.put("crv", c));
        Json.parse(key.publicKey()).properties().forEach(e -> jwk.put(e.getKey(), e.getValue()));
        jwk.put("kid", key.id());
        return jwk;
    }

    private synchronized Optional<StoredKey> mintIfNoLiveKey() {
        // Another thread, or another node, may have made one since this thread last looked.
        Snapshot fresh = reload();
        Optional<StoredKey> key = pickSigningKey(fresh.keys(), clock.instant());
        if (key.isPresent()) {
            return key;
        }
        StoredKey created = create(store, now());
        reload();
        return Optional.of(created);
    }

    private StoredKey create(Store target, Instant now) {
        KeyPairConfig config = options.keyPairConfig();
        JWK pair = config.alg().generate(config);
        String privateJwk = pair.toJSONString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alg", config.alg().jwaName());
        Optional<String> crv = config.crv().or(() -> curveOf(pair));
        crv.ifPresent(c -> data.put("crv", c));
        data.put("publicKey", pair.toPublicJWK().toJSONString());
        data.put("privateKey", options.disablePrivateKeyEncryption() ? privateJwk
                : Json.write(encryption.encrypt(privateJwk)));
        data.put("createdAt", now);
        options.rotationInterval().ifPresent(interval -> data.put("expiresAt", now.plus(interval)));
        return StoredKey.of(target.create(JwksTable.NAME, data));
    }

    private static Optional<String> curveOf(JWK pair) {
        Object crv = pair.toJSONObject().get("crv");
        return crv instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** better-auth's choice: the newest live key of the configured algorithm, else the newest live key. */
    private Optional<StoredKey> pickSigningKey(List<StoredKey> keys, Instant now) {
        String configured = options.keyPairConfig().alg().jwaName();
        Comparator<StoredKey> newest = Comparator.comparing(StoredKey::createdAt).reversed();
        List<StoredKey> live = keys.stream().filter(k -> k.liveAt(now)).sorted(newest).toList();
        return live.stream().filter(k -> k.algOr(options.keyPairConfig().alg()).equals(configured)).findFirst()
                .or(() -> live.stream().findFirst());
    }

    private Signing signing(StoredKey key) {
        return signers.computeIfAbsent(key.id(), id -> {
            JwtAlgorithm alg = algorithm(key);
            try {
                return new Signing(key, alg, alg.signer(JWK.parse(privateJwk(key))));
            } catch (ParseException | JOSEException e) {
                throw new IllegalStateException("The private key of JWKS key " + key.id() + " is not a valid "
                        + alg.jwaName() + " JWK", e);
            }
        });
    }

    private String privateJwk(StoredKey key) {
        if (options.disablePrivateKeyEncryption()) {
            return key.privateKey();
        }
        // better-auth stores JSON.stringify(ciphertext): a JSON string around the hex (or $ba$ envelope).
        Optional<String> ciphertext = Optional.empty();
        try {
            JsonNode node = Json.parse(key.privateKey());
            ciphertext = node.isString() ? Optional.of(node.asString()) : Optional.empty();
        } catch (RuntimeException notJson) {
            // falls through to the error below
        }
        return ciphertext.flatMap(encryption::decrypt).orElseThrow(() -> new IllegalStateException(
                "Failed to decrypt private key. Make sure the secret currently in use is the same as the one used "
                        + "to encrypt the private key. If you are using a different secret, either clean up your "
                        + "JWKS or disable private key encryption."));
    }

    private JWSVerifier parseVerifier(StoredKey key, JwtAlgorithm alg) {
        try {
            return alg.verifier(JWK.parse(key.publicKey()));
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The public key of JWKS key " + key.id() + " is not a valid JWK", e);
        }
    }

    private JwtAlgorithm algorithm(StoredKey key) {
        String name = key.algOr(options.keyPairConfig().alg());
        return JwtAlgorithm.named(name).orElseThrow(() -> new IllegalStateException(
                "JWKS key " + key.id() + " has unsupported alg " + name));
    }

    private static Optional<StoredKey> find(Snapshot s, String kid) {
        return s.keys().stream().filter(k -> k.id().equals(kid)).findFirst();
    }

    private Snapshot snapshotOrLoad() {
        Snapshot cached = snapshot;
        return cached != null ? cached : reload();
    }

    private Snapshot reload() {
        List<StoredKey> keys = store.findMany(JwksTable.NAME, Query.all()).stream().map(StoredKey::of).toList();
        Snapshot fresh = new Snapshot(keys, clock.instant());
        snapshot = fresh;
        // Keys deleted from the table (by hand, or by better-auth's tooling) stop signing and verifying here.
        java.util.Set<String> ids = keys.stream().map(StoredKey::id).collect(java.util.stream.Collectors.toSet());
        signers.keySet().retainAll(ids);
        verifiers.keySet().retainAll(ids);
        return fresh;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
