package dev.postern.security;

import dev.postern.Postern;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Where;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The number of rows in each core table: what a hostile request must leave exactly as it found it.
 *
 * @param counts rows per table, {@code user}, {@code session}, {@code account}, {@code verification}
 */
record RowCounts(Map<String, Long> counts) {

    static RowCounts of(Postern postern) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {CoreSchema.USER, CoreSchema.SESSION, CoreSchema.ACCOUNT, CoreSchema.VERIFICATION}) {
            counts.put(table, postern.store().count(table, Where.all()));
        }
        return new RowCounts(counts);
    }
}
