package dev.postern.crypto;

import java.util.Objects;

/**
 * One entry of a {@link SecretRing}: a secret and the version number that names it in
 * {@code POSTERN_SECRETS="2:new,1:old"} and in better-auth's encryption envelope {@code $ba$<version>$<hex>}.
 * Its {@code toString} shows the version only, because {@link Secret} masks itself.
 *
 * @param version a non-negative whole number, as better-auth accepts it (0 included)
 */
public record VersionedSecret(int version, Secret secret) {
    public VersionedSecret {
        if (version < 0) {
            throw new IllegalArgumentException("secrets: version must be a non-negative whole number, was " + version);
        }
        Objects.requireNonNull(secret, "secret");
    }

    /** {@code VersionedSecret.of(2, System.getenv("NEW_SECRET"))}. */
    public static VersionedSecret of(int version, String secret) {
        return new VersionedSecret(version, Secret.of(secret));
    }
}
