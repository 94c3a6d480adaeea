package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsNumbersTest {

    @Test
    void integersHaveNoFractionAndStayPlainBelowTenToTheTwentyOne() {
        assertThat(JsNumbers.toJsString(100)).isEqualTo("100");
        assertThat(JsNumbers.toJsString(1e20)).isEqualTo("100000000000000000000");
        assertThat(JsNumbers.toJsString(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(JsNumbers.toJsString(1e21)).isEqualTo("1e+21");
        assertThat(JsNumbers.toJsString(-1795712662041.0)).isEqualTo("-1795712662041");
    }

    @Test
    void smallNumbersArePlainDownToTenToTheMinusSix() {
        assertThat(JsNumbers.toJsString(0.000001)).isEqualTo("0.000001");
        assertThat(JsNumbers.toJsString(0.0000015)).isEqualTo("0.0000015");
        assertThat(JsNumbers.toJsString(1e-7)).isEqualTo("1e-7");
        assertThat(JsNumbers.toJsString(1.23e-18)).isEqualTo("1.23e-18");
    }

    @Test
    void shortestRoundTrippingDigitsAreUsed() {
        assertThat(JsNumbers.toJsString(0.1)).isEqualTo("0.1");
        assertThat(JsNumbers.toJsString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(JsNumbers.toJsString(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(JsNumbers.toJsString(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    }

    @Test
    void oneDigitIsEnoughWhereJavaPrintsTwo() {
        assertThat(Double.toString(Double.MIN_VALUE)).isEqualTo("4.9E-324");
        assertThat(JsNumbers.toJsString(Double.MIN_VALUE)).isEqualTo("5e-324");
    }

    @Test
    void specialValuesAreSpelledAsInJavaScript() {
        assertThat(JsNumbers.toJsString(-0.0)).isEqualTo("0");
        assertThat(JsNumbers.toJsString(Double.NaN)).isEqualTo("NaN");
        assertThat(JsNumbers.toJsString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }
}
