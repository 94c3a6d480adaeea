package dev.postern.plugin.passkey;

import dev.postern.Postern;
import dev.postern.schema.Output;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the {@code passkey} table and its rows as response objects. */
final class Passkeys {
    private Passkeys() {
    }

    static List<Row> ofUser(Postern postern, String userId) {
        return postern.store().findMany(PasskeySchema.PASSKEY, Query.where(Where.eq("userId", userId)));
    }

    static Optional<Row> byId(Postern postern, String id) {
        return postern.store().findOne(PasskeySchema.PASSKEY, Where.eq("id", id));
    }

    static Optional<Row> byCredentialId(Postern postern, String credentialId) {
        return postern.store().findOne(PasskeySchema.PASSKEY, Where.eq("credentialID", credentialId));
    }

    static Map<String, Object> output(Postern postern, Row passkey) {
        return Output.of(postern.schema(), PasskeySchema.PASSKEY, passkey);
    }

    /**
     * {@code [{id, type?, transports?}]} for {@code excludeCredentials} and {@code allowCredentials}, as
     * SimpleWebAuthn writes them: {@code transports} is the stored list split on commas, absent when null.
     */
    static List<Map<String, Object>> descriptors(List<Row> passkeys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row passkey : passkeys) {
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("id", passkey.string("credentialID"));
            String transports = passkey.string("transports");
            if (transports != null) {
                descriptor.put("transports", List.of(transports.split(",", -1)));
            }
            descriptor.put("type", "public-key");
            out.add(descriptor);
        }
        return out;
    }
}
