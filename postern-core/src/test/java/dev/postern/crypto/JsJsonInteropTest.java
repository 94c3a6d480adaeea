package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@link JsJson}, {@link JsNumbers} and {@link JsDates} against Node's {@code JSON.stringify}, {@code String(n)}, {@code Date}. */
class JsJsonInteropTest {

    @Test
    void everyDoublePrintsAsJavaScriptsNumberToString() {
        List<Double> doubles = new ArrayList<>(List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
                0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e21, Math.nextDown(1e21), Math.nextUp(1e21), 1e-7,
                Math.nextDown(1e-6), 1e-6, 9007199254740993.0, 1795712662041.0, 123e-20, 5e-324 * 3));
        for (int e = -325; e <= 308; e++) {
            doubles.add(Double.parseDouble("1e" + e));
            doubles.add(Double.parseDouble("7.5e" + e));
        }
        SplittableRandom random = new SplittableRandom(7914);
        for (int i = 0; i < 3000; i++) {
            doubles.add(Double.longBitsToDouble(random.nextLong()));
            doubles.add(random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12)));
            doubles.add(random.nextDouble() * Math.pow(10, random.nextInt(-30, 30)));
        }
        List<String> bits = doubles.stream()
                .map(d -> HexFormat.of().toHexDigits(Double.doubleToRawLongBits(d))).toList();

        JsonNode expected = BetterAuthNode.require().call("numbers", Map.of("bits", bits));

        for (int i = 0; i < doubles.size(); i++) {
            assertThat(JsNumbers.toJsString(doubles.get(i))).as("bits %s", bits.get(i))
                    .isEqualTo(expected.get(i).stringValue());
        }
    }

    @Test
    void javaValuesAreWrittenAsJsonStringifyWritesThem() {
        Map<String, Object> sparse = new LinkedHashMap<>();
        for (String key : List.of("b", "10", "a", "2", "-1", "01", "4294967295", "4294967294", "1.5", "")) {
            sparse.put(key, key);
        }
        List<Object> corpus = List.of(
                "emoji 😀, é, \u2028\u2029, </script>, \\ \" / \b\f\n\r\t \u0000\u0001\u001f\u007f\u0080\uFEFF",
                "lone \uD800 high, lone \uDC00 low, reversed \uDC00\uD800, pair \uD83D\uDE00",
                sparse,
                Arrays.asList(1, -0.0, 0.1, 1e21, 1e-7, 5e-324, 12345678901234567890.0, 9007199254740993L, null, true),
                Map.of("date", Instant.parse("2024-02-29T12:34:56.789Z"), "nested", List.of(List.of(Map.of()))),
                Json.parse("{\"b\":1.50,\"a\":[1e2,-0,\"\\u0041\"],\"3\":{}}"));
        List<String> texts = corpus.stream().map(JsJson::stringify).toList();

        JsonNode restringified = BetterAuthNode.require().call("restringify", Map.of("texts", texts));

        for (int i = 0; i < texts.size(); i++) {
            assertThat(texts.get(i)).isEqualTo(restringified.get(i).stringValue());
        }
    }

    @Test
    void jsonStringifyOfJavaScriptValuesIsReproducedAfterParsing() {
        JsonNode texts = BetterAuthNode.require().call("jsCorpus", Map.of());
        assertThat(texts.size()).isGreaterThan(5);
        for (JsonNode text : texts.values()) {
            assertThat(JsJson.stringify(Json.parse(text.stringValue()))).isEqualTo(text.stringValue());
        }
    }

    @Test
    void datesPrintAsToIsoString() {
        List<Long> millis = new ArrayList<>(List.of(0L, -1L, 1L, 1795712602041L, 253402300800000L, -62167219200001L,
                -62198755200000L, 8_640_000_000_000_000L, -8_640_000_000_000_000L));
        SplittableRandom random = new SplittableRandom(9106);
        for (int i = 0; i < 500; i++) {
            millis.add(random.nextLong(-8_640_000_000_000_000L, 8_640_000_000_000_001L));
        }
        JsonNode expected = BetterAuthNode.require().call("isoDates", Map.of("millis", millis));
        for (int i = 0; i < millis.size(); i++) {
            assertThat(JsDates.toIsoString(Instant.ofEpochMilli(millis.get(i)))).isEqualTo(expected.get(i).stringValue());
        }
    }

    @Test
    void dateRevivalMatchesBetterAuthsSafeJsonParse() {
        List<String> texts = new ArrayList<>(List.of("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.1Z",
                "2024-01-01T00:00:00.123456789Z", "2024-02-30T00:00:00Z", "2023-02-29T10:00:00Z", "2024-04-31T00:00:00Z",
                "2024-01-01T24:00:00Z", "2024-01-01T24:00:00.000Z", "2024-01-01T24:00:00.0001Z", "2024-01-01T24:00:00.001Z",
                "2024-01-01T24:00:01Z", "2024-01-01T23:59:60Z", "2024-13-01T00:00:00Z", "2024-00-01T00:00:00Z",
                "2024-01-00T00:00:00Z", "2024-01-32T00:00:00Z", "2024-01-01T00:60:00Z", "9999-12-31T24:00:00Z",
                "0000-01-01T00:00:00Z", "0000-00-00T00:00:00Z", "1969-12-31T23:59:59.9999Z", "2024-01-01T00:00:00",
                "2024-01-01 00:00:00Z", "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00z", "not a date", ""));
        SplittableRandom random = new SplittableRandom(8601);
        for (int i = 0; i < 300; i++) {
            texts.add("%04d-%02d-%02dT%02d:%02d:%02d.%sZ".formatted(random.nextInt(10000), random.nextInt(14),
                    random.nextInt(33), random.nextInt(26), random.nextInt(61), random.nextInt(61),
                    Integer.toString(random.nextInt(1, 100000))));
        }
        JsonNode expected = BetterAuthNode.require().call("reviveDates", Map.of("texts", texts));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(JsJson.stringify(JsDates.canonical(texts.get(i)))).as(texts.get(i))
                    .isEqualTo(expected.get(i).stringValue());
        }
    }
}
