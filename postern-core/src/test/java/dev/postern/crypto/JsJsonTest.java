package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

class JsJsonTest {

    @Test
    void writesNoWhitespaceAndKeepsInsertionOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", List.of(true, false));
        map.put("m", null);
        assertThat(JsJson.stringify(map)).isEqualTo("{\"z\":1,\"a\":[true,false],\"m\":null}");
    }

    @Test
    void arrayIndexKeysComeFirstInNumericOrderAsInJavaScriptObjects() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : new String[] {"b", "10", "a", "2", "-1", "01", "4294967295", "4294967294"}) {
            map.put(key, key);
        }
        assertThat(JsJson.stringify(map)).isEqualTo(
                "{\"2\":\"2\",\"10\":\"10\",\"4294967294\":\"4294967294\",\"b\":\"b\",\"a\":\"a\",\"-1\":\"-1\","
                        + "\"01\":\"01\",\"4294967295\":\"4294967295\"}");
    }

    @Test
    void escapesOnlyQuoteBackslashControlCharactersAndLoneSurrogates() {
        String text = "\"\\/\b\f\n\r\t\u0000\u001f\u007f é 😀 \u2028\u2029 </script> \uD800 \uDC00";
        assertThat(JsJson.stringify(text)).isEqualTo(
                "\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é 😀 \u2028\u2029 </script> \\ud800 \\udc00\"");
    }

    @Test
    void numbersArePrintedAsJavaScriptPrintsThem() {
        assertThat(JsJson.stringify(Arrays.asList(1, 1.0, -0.0, 0.1, 1e21, 1e-7, 123456789012L, 1.5f,
                new BigDecimal("1.10"), new BigInteger("12345678901234567890"), Double.NaN, Double.POSITIVE_INFINITY)))
                .isEqualTo("[1,1,0,0.1,1e+21,1e-7,123456789012,1.5,1.1,12345678901234567000,null,null]");
    }

    @Test
    void integersBeyondTwoToTheFiftyThreeAreRoundedLikeJavaScriptNumbers() {
        assertThat(JsJson.stringify(9007199254740993L)).isEqualTo("9007199254740992");
    }

    @Test
    void datesAreIsoStringsWithMilliseconds() {
        assertThat(JsJson.stringify(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("\"2024-01-01T00:00:00.000Z\"");
        assertThat(JsJson.stringify(Instant.parse("2024-01-01T00:00:00.123456Z"))).isEqualTo("\"2024-01-01T00:00:00.123Z\"");
    }

    @Test
    void jsonNodesAreWrittenTheSameWayAndMissingNodesAreLeftOutLikeUndefined() {
        ObjectNode node = Json.object();
        node.put("b", 2.50);
        node.set("gone", MissingNode.getInstance());
        node.putArray("list").add("x").addNull();
        node.put("1", "one");
        assertThat(JsJson.stringify(node)).isEqualTo("{\"1\":\"one\",\"b\":2.5,\"list\":[\"x\",null]}");
    }

    @Test
    void parsedJsonRoundTripsToTheSameText() {
        String text = "{\"session\":{\"id\":\"x\",\"n\":1e2,\"f\":1.50,\"s\":\"\\u00e9\\/\"},\"expiresAt\":1795712662041}";
        assertThat(JsJson.stringify(Json.parse(text)))
                .isEqualTo("{\"session\":{\"id\":\"x\",\"n\":100,\"f\":1.5,\"s\":\"é/\"},\"expiresAt\":1795712662041}");
    }

    @Test
    void otherObjectsGoThroughTheProjectMapper() {
        record Point(int x, String label) {
        }
        assertThat(JsJson.stringify(List.of(new Point(1, "a")))).isEqualTo("[{\"x\":1,\"label\":\"a\"}]");
    }
}
