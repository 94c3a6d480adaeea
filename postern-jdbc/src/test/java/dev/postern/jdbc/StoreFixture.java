package dev.postern.jdbc;

import dev.postern.store.Row;
import dev.postern.store.Store;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every part of the store conformance suite needs: the store under test, its dialect, and a
 * short way to create gadgets. Implemented by {@link StoreConformanceTest}.
 */
interface StoreFixture {
    /** A fixed instant with milliseconds, before 2038 so MySQL's {@code timestamp} can hold it. */
    Instant T0 = Instant.parse("2026-03-04T05:06:07.891Z");

    Store store();

    JdbcStoreProvider provider();

    Dialect dialect();

    /** Creates a gadget named {@code name} with the other fields given as name/value pairs. */
    default Row gadget(String name, Object... fieldsAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
            data.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return store().create(ConformanceSchema.GADGET, data);
    }
}
