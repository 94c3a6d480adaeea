package dev.postern.crypto;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The time-claim checks jose's {@code jwtVerify}/{@code jwtDecrypt} apply and better-auth relies on:
 * {@code exp}, {@code nbf} and {@code iat} are numbers when present; a token is
 * expired once {@code exp <= now - tolerance} and not yet valid while {@code nbf > now + tolerance},
 * {@code now} in whole seconds.
 */
final class JwtClaims {
    private JwtClaims() {
    }

    static boolean timesValid(ObjectNode claims, long nowSeconds, long toleranceSeconds) {
        JsonNode exp = claims.get("exp");
        JsonNode nbf = claims.get("nbf");
        JsonNode iat = claims.get("iat");
        if ((exp != null && !exp.isNumber()) || (nbf != null && !nbf.isNumber()) || (iat != null && !iat.isNumber())) {
            return false;
        }
        if (exp != null && exp.doubleValue() <= nowSeconds - toleranceSeconds) {
            return false;
        }
        return nbf == null || nbf.doubleValue() <= nowSeconds + toleranceSeconds;
    }
}
