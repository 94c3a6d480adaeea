package dev.postern.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTest {

    @Test
    void ofDropsFieldsDeclaredNotReturned() {
        Row account = new Row(Map.of("id", "a1", "providerId", "credential", "accountId", "u1", "userId", "u1",
                "password", "salt:hash", "accessToken", "tok"));

        Map<String, Object> out = Output.of(CoreSchema.account(), account);

        assertThat(out).containsKeys("id", "providerId", "accountId", "userId").doesNotContainKeys("password", "accessToken");
        assertThat(out.keySet().iterator().next()).isEqualTo("id");
    }

    @Test
    void ofKeepsAdditionalFieldsThatAreReturnedAndSkipsColumnsOutsideTheSchema() {
        SchemaModel schema = SchemaModel.builder().add(CoreSchema.contribution())
                .fields("user", java.util.List.of(Field.of("plan", FieldType.STRING).optional().build(),
                        Field.of("internalNote", FieldType.STRING).optional().hidden().build()))
                .build();
        Row user = new Row(Map.of("id", "u1", "name", "Ada", "email", "ada@example.com", "plan", "pro",
                "internalNote", "vip", "legacyColumn", "x"));

        Map<String, Object> out = Output.of(schema, "user", user);

        assertThat(out).containsEntry("plan", "pro").doesNotContainKeys("internalNote", "legacyColumn");
    }
}
