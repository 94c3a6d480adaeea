package dev.postern.crypto;

import java.security.MessageDigest;
import java.util.Objects;

/**
 * The application secret (better-auth's {@code secret} / {@code BETTER_AUTH_SECRET}) that keys every
 * HMAC, signed cookie and encrypted token. better-auth treats the secret as a string and uses its UTF-8
 * bytes as key material, so this type keeps the string and hands out only those bytes. It never prints
 * itself: {@link #toString()} is masked so the secret cannot leak into logs or exception messages.
 */
public final class Secret {
    private final byte[] bytes;
    /** An HMAC-SHA256 keyed with this secret, never used itself: callers get clones (see {@link #hmac()}). */
    private final javax.crypto.Mac hmacPrototype;

    private Secret(String value) {
        this.bytes = Utf8.encode(value);
        this.hmacPrototype = Hmac.keyed(bytes);
    }

    /** Wraps a secret string; it must not be empty because an HMAC key of zero bytes is rejected by WebCrypto too. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return new Secret(value);
    }

    /** The key material, {@code UTF-8(secret)} as JavaScript's {@code TextEncoder} produces it; a fresh copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * A fresh HMAC-SHA256 keyed with this secret. Cloning an initialised {@code Mac} skips the provider
     * lookup and key set-up that {@code Mac.getInstance} + {@code init} repeat, a third of a cookie
     * signature's cost on the session hot path (measured in bench/jmh, {@code CookieSignerBenchmark}).
     */
    javax.crypto.Mac hmac() {
        try {
            return (javax.crypto.Mac) hmacPrototype.clone();
        } catch (CloneNotSupportedException e) {
            return Hmac.keyed(bytes);
        }
    }

    /** Number of key bytes; lets callers warn about short secrets without seeing them. */
    public int byteLength() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        // Constant time, so comparing secrets cannot be used as a timing oracle.
        return other instanceof Secret that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        // Deliberately weak: a hash of the content would be one more thing derived from the secret.
        return bytes.length;
    }

    @Override
    public String toString() {
        return "Secret[******]";
    }
}
