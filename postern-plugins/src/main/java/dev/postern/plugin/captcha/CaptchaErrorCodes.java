package dev.postern.plugin.captcha;

import dev.postern.error.ErrorCode;
import java.util.List;

/** The captcha plugin's answers, with better-auth's codes, messages and statuses. */
public final class CaptchaErrorCodes {
    /** 403: the verifier said no (or the score, action or hostname did not qualify). */
    public static final ErrorCode VERIFICATION_FAILED = ErrorCode.of("VERIFICATION_FAILED", "Captcha verification failed");
    /** 400: no {@code x-captcha-response} header. */
    public static final ErrorCode MISSING_RESPONSE = ErrorCode.of("MISSING_RESPONSE", "Missing CAPTCHA response");
    /** 500: the verifier could not be asked (down, timed out, answered garbage); the request fails closed. */
    public static final ErrorCode UNKNOWN_ERROR = ErrorCode.of("UNKNOWN_ERROR", "Something went wrong");

    private CaptchaErrorCodes() {
    }

    public static List<ErrorCode> all() {
        return List.of(VERIFICATION_FAILED, MISSING_RESPONSE, UNKNOWN_ERROR);
    }
}
