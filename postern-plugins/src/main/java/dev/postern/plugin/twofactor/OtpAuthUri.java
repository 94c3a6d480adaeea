package dev.postern.plugin.twofactor;

import dev.postern.crypto.UriComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/...} URI an authenticator app scans, written as {@code @better-auth/utils/otp}
 * writes it: the label is {@code encodeURIComponent(issuer):encodeURIComponent(account)}, the query is
 * {@code URLSearchParams} ({@code +} for spaces) with the secret's key bytes in unpadded base32.
 */
public final class OtpAuthUri {
    private OtpAuthUri() {
    }

    public static String of(byte[] key, String issuer, String account, int digits, int period) {
        return "otpauth://totp/" + UriComponent.encode(issuer) + ":" + UriComponent.encode(account)
                + "?secret=" + Base32.encode(key)
                + "&issuer=" + form(issuer)
                + "&digits=" + digits
                + "&period=" + period;
    }

    /** {@code application/x-www-form-urlencoded}, as URLSearchParams serialises ({@code *} kept, space as {@code +}). */
    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2A", "*");
    }
}
