package dev.postern.crypto;

import java.math.BigDecimal;

/**
 * JavaScript's {@code Number.prototype.toString()} for doubles (ECMA-262 {@code Number::toString}):
 * the shortest digits that round-trip, written plainly from 1e-7 up to below 1e21 and as {@code 1.5e+21}
 * style outside that range. {@code JSON.stringify} writes numbers this way, and the compact cookie-cache
 * signature covers that text.
 */
public final class JsNumbers {
    private JsNumbers() {
    }

    /** The JavaScript text of {@code value}: {@code "NaN"}, {@code "Infinity"}, {@code "0"} for -0, etc. */
    public static String toJsString(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        Decimal decimal = shortestDecimal(Math.abs(value));
        return (value < 0 ? "-" : "") + layout(decimal.digits(), decimal.pointPosition());
    }

    /** {@code digits} = d1..dk, {@code pointPosition} = n, meaning the value 0.d1..dk x 10^n (ECMA-262's k and n). */
    private record Decimal(String digits, int pointPosition) {
        static Decimal of(BigDecimal exact) {
            BigDecimal stripped = exact.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            return new Decimal(digits, digits.length() - stripped.scale());
        }
    }

    private static Decimal shortestDecimal(double positive) {
        // Since JDK 19 Double.toString yields the shortest round-tripping decimal, except that where one
        // digit would do it prints the closest two-digit decimal (4.9E-324 for 5e-324); JavaScript wants
        // the one digit, so try the two one-digit neighbours.
        Decimal java = Decimal.of(new BigDecimal(Double.toString(positive)));
        if (java.digits().length() != 2) {
            return java;
        }
        int first = java.digits().charAt(0) - '0';
        int exponent = java.pointPosition() - 1;
        BigDecimal exact = new BigDecimal(positive);
        Decimal best = java;
        BigDecimal bestDistance = null;
        for (int candidate = first; candidate <= first + 1; candidate++) {
            BigDecimal shorter = BigDecimal.valueOf(candidate).scaleByPowerOfTen(exponent);
            if (shorter.doubleValue() != positive) {
                continue;
            }
            BigDecimal distance = shorter.subtract(exact).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = Decimal.of(shorter);
                bestDistance = distance;
            }
        }
        return best;
    }

    private static String layout(String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = (e >= 0 ? "e+" : "e-") + Math.abs(e);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }
}
