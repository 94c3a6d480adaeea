package dev.postern.plugin.passkey;

import static dev.postern.schema.FieldType.BOOLEAN;
import static dev.postern.schema.FieldType.DATE;
import static dev.postern.schema.FieldType.NUMBER;
import static dev.postern.schema.FieldType.STRING;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.Table;

/**
 * The {@code passkey} table, column for column as {@code @better-auth/passkey} 1.7 declares it, so rows either
 * implementation writes are the other's: {@code publicKey} is the standard base64 of the COSE public key,
 * {@code credentialID} the base64url credential id, {@code transports} comma-separated.
 */
final class PasskeySchema {
    static final String PASSKEY = "passkey";

    private PasskeySchema() {
    }

    static Table table() {
        return Table.of(PASSKEY, 10,
                Field.of("name", STRING).optional(),
                Field.of("publicKey", STRING),
                Field.of("userId", STRING).indexed().references(CoreSchema.USER, "id", Field.OnDelete.CASCADE),
                Field.of("credentialID", STRING).indexed(),
                Field.of("counter", NUMBER),
                Field.of("deviceType", STRING),
                Field.of("backedUp", BOOLEAN),
                Field.of("transports", STRING).optional(),
                Field.of("createdAt", DATE).optional(),
                Field.of("aaguid", STRING).optional());
    }
}
