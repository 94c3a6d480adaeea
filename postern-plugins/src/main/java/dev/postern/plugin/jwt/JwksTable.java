package dev.postern.plugin.jwt;

import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import dev.postern.schema.Table;

/**
 * better-auth 1.7.25's {@code jwks} table (wire reference §7.5): the public key as a JSON JWK, the private
 * key as a JSON JWK (a JSON string holding better-auth's {@code symmetricEncrypt} output unless encryption
 * is disabled), {@code createdAt}, and the optional {@code expiresAt}, {@code alg} and {@code crv}.
 */
final class JwksTable {
    static final String NAME = "jwks";

    private JwksTable() {
    }

    static SchemaContribution schema() {
        return SchemaContribution.tables(Table.of(NAME, 40,
                Field.of("publicKey", FieldType.STRING),
                Field.of("privateKey", FieldType.STRING),
                Field.of("createdAt", FieldType.DATE),
                Field.of("expiresAt", FieldType.DATE).optional(),
                Field.of("alg", FieldType.STRING).optional(),
                Field.of("crv", FieldType.STRING).optional()));
    }
}
