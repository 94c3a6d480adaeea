package dev.postern.json;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The one JSON mapper of Postern, configured to write what better-auth writes: dates as ISO-8601 with
 * exactly three fraction digits and {@code Z} ({@code JSON.stringify(new Date())}), nulls kept.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().addModule(posternModule()).build();

    /** How deeply a request body may nest objects and arrays; better-auth's bodies need two levels. */
    public static final int MAX_REQUEST_DEPTH = 32;
    /** The longest string or number text in a request body, in characters: the default body limit. */
    public static final int MAX_REQUEST_STRING_LENGTH = 1 << 20;
    /** The longest property name in a request body; every declared field name is far shorter. */
    public static final int MAX_REQUEST_NAME_LENGTH = 1024;
    /** The most digits of a number in a request body; no field of an auth API needs more. */
    public static final int MAX_REQUEST_NUMBER_LENGTH = 100;

    /**
     * Reads request bodies only: bounded nesting and lengths, so a hostile body costs bounded work, and
     * repeated keys refused. {@code JSON.parse} keeps the last of two equal keys; a proxy or WAF in front
     * may read the first, so a body meaning two things to two readers is refused instead.
     */
    private static final JsonMapper REQUEST_MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_REQUEST_DEPTH)
                            .maxStringLength(MAX_REQUEST_STRING_LENGTH)
                            .maxNameLength(MAX_REQUEST_NAME_LENGTH)
                            .maxNumberLength(MAX_REQUEST_NUMBER_LENGTH)
                            .build())
                    .build())
            .addModule(posternModule())
            .build();

    private Json() {
    }

    /**
     * Parses an HTTP request body with the request limits above; throws {@link JacksonException} on
     * malformed JSON, invalid UTF-8, a repeated key or a limit exceeded.
     */
    public static JsonNode parseRequestBody(byte[] json) {
        return REQUEST_MAPPER.readTree(json);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static byte[] writeBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    /** Parses JSON text; throws {@link JacksonException} on malformed input. */
    public static JsonNode parse(byte[] json) {
        return MAPPER.readTree(json);
    }

    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static JsonNode valueToTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** Formats an instant as JavaScript's {@code Date.prototype.toISOString} does. */
    public static String jsDate(Instant instant) {
        return dev.postern.crypto.JsDates.toIsoString(instant);
    }

    private static SimpleModule posternModule() {
        return new SimpleModule("postern")
                .addSerializer(Instant.class, new JsDateSerializer())
                .addSerializer(dev.postern.store.Row.class, new RowSerializer());
    }

    /** Rows are written as their field map. */
    private static final class RowSerializer extends StdSerializer<dev.postern.store.Row> {
        RowSerializer() {
            super(dev.postern.store.Row.class);
        }

        @Override
        public void serialize(dev.postern.store.Row row, JsonGenerator gen, SerializationContext ctx) {
            ctx.writeValue(gen, row.values());
        }
    }

    private static final class JsDateSerializer extends StdSerializer<Instant> {
        JsDateSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctx) {
            gen.writeString(jsDate(value));
        }
    }
}
