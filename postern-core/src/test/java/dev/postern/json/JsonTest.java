package dev.postern.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Row;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void rowsAreWrittenAsTheirFieldsWithJavaScriptDates() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", "u1");
        values.put("emailVerified", false);
        values.put("image", null);
        values.put("createdAt", Instant.parse("2026-11-26T18:06:06Z"));
        Row row = new Row(values);

        assertThat(Json.write(row))
                .isEqualTo("{\"id\":\"u1\",\"emailVerified\":false,\"image\":null,\"createdAt\":\"2026-11-26T18:06:06.000Z\"}");
        assertThat(Json.write(Map.of("user", row))).startsWith("{\"user\":{\"id\":\"u1\"");
        assertThat(Json.write(List.of(row, row))).startsWith("[{\"id\":\"u1\"");
    }
}
