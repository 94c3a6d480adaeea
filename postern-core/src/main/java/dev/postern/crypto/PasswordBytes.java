package dev.postern.crypto;

import java.text.Normalizer;

/** The bytes a password is hashed as: {@code UTF-8(password.normalize("NFKC"))} with JavaScript's encoder. */
final class PasswordBytes {
    private PasswordBytes() {
    }

    static byte[] of(String password) {
        // NFKC makes visually identical passwords (full-width digits, ligatures, composed accents) equal.
        return Utf8.encode(Normalizer.normalize(password, Normalizer.Form.NFKC));
    }
}
