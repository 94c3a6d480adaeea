package dev.postern.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * better-auth 1.7.25's purpose keys ({@code crypto/purpose.mjs}): a separate secret per kind of
 * ciphertext, so a value encrypted for one purpose (the {@code oauth_state} cookie, say) cannot be replayed
 * where another is expected. The derived secret is
 * {@code hex(HKDF-SHA256(ikm = UTF-8(secret), salt = "better-auth:oauth-encryption:v1",
 * info = "better-auth:<purpose>:v1", L = 32))}, and that hex string is then used as the secret of
 * {@link SymmetricEncryption}.
 */
public final class PurposeKeys {
    /** The {@code oauth_state} cookie of the cookie state strategy. */
    public static final String OAUTH_STATE_COOKIE = "oauth-state-cookie";
    /** The session token carried through an account-linking OAuth round trip. */
    public static final String OAUTH_LINK_SESSION_TOKEN = "oauth-link-session-token";

    private static final byte[] SALT = "better-auth:oauth-encryption:v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;

    private PurposeKeys() {
    }

    /** The secret for {@code purpose} derived from {@code secret}. */
    public static Secret derive(Secret secret, String purpose) {
        Objects.requireNonNull(secret, "secret");
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(new HKDFParameters(secret.bytes(), SALT, Utf8.encode("better-auth:" + purpose + ":v1")));
        byte[] key = new byte[KEY_BYTES];
        hkdf.generateBytes(key, 0, key.length);
        return Secret.of(Encodings.hex(key));
    }
}
