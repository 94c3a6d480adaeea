package dev.postern.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * better-auth's checks of the current secret ({@code validateSecret}, {@code validateSecretsArray}):
 * at least 32 characters, and an estimated entropy of at least 120 bits, estimated as better-auth does
 * ({@code length × log2(distinct characters)}, generous for random text, low for {@code aaaa…} or a
 * short word list). A weak secret is only warned about, once at start-up; refusing it is the production
 * server's job ({@code postern-server} stops without a 32-character secret). Messages say what is wrong
 * and never show the secret.
 */
public final class SecretStrength {
    /** better-auth's minimum length, and what {@code postern secret} far exceeds. */
    public static final int MIN_LENGTH = 32;
    /** better-auth's minimum estimated entropy. */
    public static final double MIN_ENTROPY_BITS = 120;

    private static final Logger LOG = LoggerFactory.getLogger(SecretStrength.class);

    private SecretStrength() {
    }

    /** What is wrong with {@code secret}: empty when it is strong enough. */
    public static List<String> weaknesses(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        // Decoding the key bytes gives back the configured text (UTF-8 round-trips every valid string).
        String text = new String(secret.bytes(), StandardCharsets.UTF_8);
        List<String> weaknesses = new ArrayList<>(2);
        if (text.length() < MIN_LENGTH) {
            weaknesses.add("is shorter than " + MIN_LENGTH + " characters");
        }
        if (estimatedEntropyBits(text) < MIN_ENTROPY_BITS) {
            weaknesses.add("looks low-entropy (too few distinct characters for its length)");
        }
        return weaknesses;
    }

    /** better-auth's {@code estimateEntropy}: {@code log2(distinct^length)}, computed without overflow. */
    static double estimatedEntropyBits(String text) {
        long distinct = text.codePoints().distinct().count();
        return distinct == 0 ? 0 : text.length() * (Math.log(distinct) / Math.log(2));
    }

    /**
     * Logs one warning when the current secret of {@code ring} is weak, as better-auth checks only the
     * current one: the older ones are on their way out. Returns whether it warned.
     */
    public static boolean warnIfWeak(SecretRing ring) {
        List<String> weaknesses = weaknesses(ring.current());
        if (weaknesses.isEmpty()) {
            return false;
        }
        String which = ring.currentVersion().isPresent()
                ? "The current secret (version " + ring.currentVersion().getAsInt() + ")"
                : "The secret";
        LOG.warn("{} {}. Use a random secret of at least {} characters (`postern secret` or "
                + "`openssl rand -base64 32` prints one) before going to production.",
                which, String.join(" and ", weaknesses), MIN_LENGTH);
        return true;
    }
}
