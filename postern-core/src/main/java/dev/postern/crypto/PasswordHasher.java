package dev.postern.crypto;

/**
 * One password-hashing scheme. Implementations are stateless and thread-safe; {@link Passwords} decides
 * which one hashes new passwords, finds the one that recognises a stored hash, and bounds how many run at
 * once. Implementations normalise the password to NFKC first, as better-auth does.
 */
public interface PasswordHasher {

    /** A new hash of {@code password} with a fresh random salt. */
    String hash(String password);

    /**
     * Whether {@code password} matches {@code hash}, compared in constant time; false, not an exception,
     * for a hash this scheme cannot read.
     */
    boolean verify(String hash, String password);

    /** Whether {@code hash} is in this scheme's format, so {@link Passwords} can route it here. */
    boolean recognizes(String hash);

    /** Whether a hash this scheme recognises was made with other parameters than it would use today. */
    default boolean needsRehash(String hash) {
        return !recognizes(hash);
    }
}
