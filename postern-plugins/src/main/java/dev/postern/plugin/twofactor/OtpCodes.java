package dev.postern.plugin.twofactor;

import dev.postern.crypto.Encodings;
import dev.postern.crypto.Ids;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.plugin.twofactor.TwoFactorOptions.OtpOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Two-factor OTPs in the {@code verification} table as better-auth writes them: identifier
 * {@code 2fa-otp-<key>}, value {@code <stored code>:<attempts>}, where the stored code is the code itself
 * ({@code plain}), better-auth's symmetric envelope ({@code encrypted}) or {@code base64url(SHA-256(code))}
 * ({@code hashed}).
 */
final class OtpCodes {
    static final String PREFIX = "2fa-otp-";
    private static final String DIGITS = "0123456789";

    private final OtpOptions options;
    private final SymmetricEncryption encryption;

    OtpCodes(OtpOptions options, SymmetricEncryption encryption) {
        this.options = options;
        this.encryption = encryption;
    }

    String generate() {
        return Ids.random(options.digits(), DIGITS);
    }

    String store(String code) {
        return switch (options.storeOTP()) {
            case PLAIN -> code;
            case ENCRYPTED -> encryption.encrypt(code);
            case HASHED -> hash(code);
        };
    }

    /** Whether {@code input} is the code whose stored form is {@code stored}; compared in constant time. */
    boolean matches(String stored, String input) {
        Optional<String> expected;
        String given = input;
        switch (options.storeOTP()) {
            case ENCRYPTED -> expected = encryption.decrypt(stored);
            case HASHED -> {
                expected = Optional.of(stored);
                given = hash(input);
            }
            default -> expected = Optional.of(stored);
        }
        return expected.isPresent() && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** better-auth's {@code defaultKeyHasher}. */
    static String hash(String code) {
        try {
            return Encodings.base64UrlNoPad(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
