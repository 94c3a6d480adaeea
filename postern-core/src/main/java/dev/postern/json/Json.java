package dev.postern.json;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
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
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("postern")
                    .addSerializer(Instant.class, new JsDateSerializer())
                    .addSerializer(dev.postern.store.Row.class, new RowSerializer()))
            .build();

    private Json() {
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

    /** Rows are written as their field map. */
    private static final class RowSerializer extends StdSerializer<dev.postern.store.Row> {
        RowSerializer() {
            super(dev.postern.store.Row.class);
        }

        @Override
        public void serialize(dev.postern.store.Row row, JsonGenerator gen, SerializationContext ctx) {
            ctx.findValueSerializer(java.util.Map.class).serialize(row.values(), gen, ctx);
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
