package dev.postern.crypto;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs and verifies cookie values in better-call's format (wire reference §5.2), used for
 * {@code session_token}, {@code dont_remember}, {@code state}, {@code two_factor} and the other signed
 * cookies: {@code encodeURIComponent(value + "." + base64(HMAC-SHA256(secret, value)))}, with the
 * standard base64 alphabet and padding, so the signature is always 44 characters ending in {@code =}.
 *
 * <p>Values are signed with the current secret of the {@link SecretRing} and verified against every
 * secret in it. better-auth verifies with its current secret only, so changing its secret logs everyone
 * out; here a cookie signed before a rotation stays valid while its secret stays in the ring.
 */
public final class CookieSigner {
    /** Length of a padded standard-base64 SHA-256 MAC; anything else is treated as an unsigned cookie. */
    private static final int SIGNATURE_LENGTH = 44;

    private final SecretRing ring;

    public CookieSigner(SecretRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /** A signer with one secret, as better-auth's. */
    public CookieSigner(Secret secret) {
        this(SecretRing.of(secret));
    }

    /** The cookie value to put in {@code Set-Cookie}: signed and URI-component encoded. */
    public String sign(String value) {
        return UriComponent.encode(value + "." + Encodings.base64(Hmac.sha256(ring.current(), value)));
    }

    /**
     * The signed value inside a cookie value as received, or empty when the cookie is not signed
     * (no {@code .}, nothing before it, a signature of the wrong shape) or its signature is wrong.
     * better-call distinguishes the last case ({@code false}) from the others ({@code null}); every
     * caller in better-auth treats both as "no cookie". Any secret of the ring may have signed it.
     */
    public Optional<String> verify(String cookieValue) {
        String value = UriComponent.decodeOrKeep(cookieValue);
        int dot = value.lastIndexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String signed = value.substring(0, dot);
        String signature = value.substring(dot + 1);
        if (signature.length() != SIGNATURE_LENGTH || !signature.endsWith("=")) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Secret secret : ring.all()) {
            if (MessageDigest.isEqual(Hmac.sha256(secret, signed), given)) {
                return Optional.of(signed);
            }
        }
        return Optional.empty();
    }
}
