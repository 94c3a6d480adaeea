package dev.postern.server.config;

import java.security.SecureRandom;
import java.util.Base64;

/** Makes and hides secrets: the one place that decides how a secret looks in output. */
public final class Secrets {
    /** better-auth's recommendation, and what {@code postern secret} prints: 32 random bytes. */
    public static final int GENERATED_BYTES = 32;
    /** Shorter secrets are refused in production and warned about in development. */
    public static final int MIN_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 32 random bytes, base64url without padding: 43 characters that survive YAML, shells and URLs. */
    public static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code **** (43 characters)}: enough to tell two secrets apart by length, nothing more. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(not set)";
        }
        return "**** (" + secret.length() + " characters)";
    }
}
