package dev.postern.schema;

import java.util.Map;

/**
 * Maps logical table and field names to physical names. The default keeps better-auth's names
 * (camelCase columns, singular tables) so Postern runs on a database better-auth created; the
 * snake_case strategy suits teams whose SQL conventions require it. Explicit renames win over both.
 */
public interface NamingStrategy {

    String table(String logicalTable);

    String column(String logicalTable, String logicalField);

    static NamingStrategy betterAuth() {
        return new Configured(false, Map.of(), Map.of());
    }

    static NamingStrategy snakeCase() {
        return new Configured(true, Map.of(), Map.of());
    }

    /**
     * A strategy with explicit renames.
     *
     * @param tableNames logical table → physical table
     * @param columnNames {@code "table.field"} → physical column
     */
    static NamingStrategy of(boolean snakeCase, Map<String, String> tableNames, Map<String, String> columnNames) {
        return new Configured(snakeCase, Map.copyOf(tableNames), Map.copyOf(columnNames));
    }

    /** Converts {@code emailVerified} to {@code email_verified}. */
    static String toSnakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    record Configured(boolean snakeCase, Map<String, String> tableNames, Map<String, String> columnNames)
            implements NamingStrategy {
        @Override
        public String table(String logicalTable) {
            String renamed = tableNames.get(logicalTable);
            if (renamed != null) {
                return renamed;
            }
            return snakeCase ? toSnakeCase(logicalTable) : logicalTable;
        }

        @Override
        public String column(String logicalTable, String logicalField) {
            String renamed = columnNames.get(logicalTable + "." + logicalField);
            if (renamed != null) {
                return renamed;
            }
            return snakeCase ? toSnakeCase(logicalField) : logicalField;
        }
    }
}
