package dev.postern.plugin.twofactor;

import dev.postern.crypto.Ids;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.json.Json;
import dev.postern.plugin.twofactor.TwoFactorOptions.BackupCodeOptions;
import dev.postern.plugin.twofactor.TwoFactorOptions.BackupCodeStorage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Backup codes as better-auth keeps them: {@code amount} codes of {@code length} characters from
 * {@code a-zA-Z0-9}, shown as {@code xxxxx-xxxxx}, stored as the JSON array of the codes, encrypted with
 * better-auth's symmetric envelope by default. A code is single use: redeeming it rewrites the list without it.
 */
final class BackupCodes {
    private final BackupCodeOptions options;
    private final SymmetricEncryption encryption;

    BackupCodes(BackupCodeOptions options, SymmetricEncryption encryption) {
        this.options = options;
        this.encryption = encryption;
    }

    List<String> generate() {
        List<String> codes = new ArrayList<>(options.amount());
        for (int i = 0; i < options.amount(); i++) {
            String code = Ids.random(options.length(), Ids.ALPHANUMERIC);
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    /** The stored form of {@code codes}. */
    String encode(List<String> codes) {
        String json = Json.write(codes);
        return options.storeBackupCodes() == BackupCodeStorage.ENCRYPTED ? encryption.encrypt(json) : json;
    }

    /** The codes in a stored value; empty when it cannot be decrypted or is not a JSON array of strings. */
    Optional<List<String>> decode(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Optional<String> json = options.storeBackupCodes() == BackupCodeStorage.ENCRYPTED
                ? encryption.decrypt(stored) : Optional.of(stored);
        return json.flatMap(BackupCodes::parse);
    }

    /** The codes left once {@code code} is used, or empty when it is not one of them. */
    static Optional<List<String>> redeem(List<String> codes, String code) {
        byte[] given = code.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        List<String> remaining = new ArrayList<>(codes.size());
        for (String candidate : codes) {
            if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), given)) {
                found = true;
            } else {
                remaining.add(candidate);
            }
        }
        return found ? Optional.of(remaining) : Optional.empty();
    }

    private static Optional<List<String>> parse(String json) {
        try {
            JsonNode node = Json.parse(json);
            if (!node.isArray()) {
                return Optional.empty();
            }
            List<String> codes = new ArrayList<>();
            for (JsonNode item : node) {
                codes.add(item.asString());
            }
            return Optional.of(codes);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
