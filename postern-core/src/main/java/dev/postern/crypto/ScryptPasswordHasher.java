package dev.postern.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * better-auth's password hash (wire reference §8): scrypt with N=16384, r=16, p=1 and a 64-byte key,
 * stored as {@code <saltHex>:<keyHex>}. The salt is 16 random bytes, but what scrypt receives is the
 * UTF-8 of their 32-character hex string, not the bytes themselves; reproducing that quirk is what makes
 * hashes interchangeable with better-auth.
 */
public final class ScryptPasswordHasher implements PasswordHasher {
    private static final int N = 16384;
    private static final int R = 16;
    private static final int P = 1;
    private static final int KEY_LENGTH = 64;
    private static final int SALT_BYTES = 16;

    @Override
    public String hash(String password) {
        String salt = Encodings.hex(Ids.bytes(SALT_BYTES));
        return salt + ":" + Encodings.hex(derive(password, salt));
    }

    @Override
    public boolean verify(String hash, String password) {
        String[] fields = fields(hash);
        if (fields.length == 0) {
            return false;
        }
        // better-auth compares lowercase hex text, so an uppercase stored key does not match there either.
        byte[] actual = Encodings.hex(derive(password, fields[0])).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(actual, fields[1].getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code salt:key} with a non-empty salt and key, and not a {@code $}-prefixed PHC string. The cost is
     * fixed, so a recognised hash never needs rehashing within this scheme.
     */
    @Override
    public boolean recognizes(String hash) {
        return !hash.startsWith("$") && fields(hash).length == 2;
    }

    /** {@code [salt, key]}, or none when either is missing; better-auth ignores fields after the second. */
    private static String[] fields(String hash) {
        String[] parts = hash.split(":", -1);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return new String[0];
        }
        return new String[] {parts[0], parts[1]};
    }

    private static byte[] derive(String password, String salt) {
        return Scrypt.derive(PasswordBytes.of(password), Utf8.encode(salt), N, R, P, KEY_LENGTH);
    }
}
