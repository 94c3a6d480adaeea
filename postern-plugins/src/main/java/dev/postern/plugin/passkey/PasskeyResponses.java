package dev.postern.plugin.passkey;

import static dev.postern.endpoint.ResponseSchemas.arrayOf;
import static dev.postern.endpoint.ResponseSchemas.bool;
import static dev.postern.endpoint.ResponseSchemas.nullable;
import static dev.postern.endpoint.ResponseSchemas.object;
import static dev.postern.endpoint.ResponseSchemas.ordered;
import static dev.postern.endpoint.ResponseSchemas.string;

import dev.postern.endpoint.ResponseSchemas;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Schemas of the plugin's answers, for the OpenAPI document. */
final class PasskeyResponses {
    private static final Map<String, Object> NUMBER = Map.of("type", "number");
    private static final Map<String, Object> DESCRIPTORS = arrayOf(object(ordered(
            "id", string(), "transports", arrayOf(string()), "type", string()), "id", "type"));

    /** A row of the {@code passkey} table. */
    static final Map<String, Object> PASSKEY = object(ordered(
            "id", string(), "name", nullable(string()), "publicKey", string(), "userId", string(),
            "credentialID", string(), "counter", NUMBER, "deviceType", string(), "backedUp", bool(),
            "transports", nullable(string()), "createdAt", nullable(string("date-time")), "aaguid", nullable(string())),
            "id", "publicKey", "userId", "credentialID", "counter", "deviceType", "backedUp");

    /** The passkey, plus {@code session} and {@code user} when {@code createSession} was asked for. */
    static final Map<String, Object> REGISTERED = withSessionAndUser(PASSKEY);

    static final Map<String, Object> SESSION_AND_USER = object(ordered(
            "session", ResponseSchemas.SESSION, "user", ResponseSchemas.USER), "session", "user");

    /** WebAuthn's {@code PublicKeyCredentialCreationOptionsJSON}. */
    static final Map<String, Object> CREATION_OPTIONS = object(ordered(
            "challenge", string(),
            "rp", object(ordered("name", string(), "id", string())),
            "user", object(ordered("id", string(), "name", string(), "displayName", string())),
            "pubKeyCredParams", arrayOf(object(ordered("alg", NUMBER, "type", string()))),
            "timeout", NUMBER,
            "attestation", string(),
            "excludeCredentials", DESCRIPTORS,
            "authenticatorSelection", object(ordered("authenticatorAttachment", string(), "residentKey", string(),
                    "requireResidentKey", bool(), "userVerification", string())),
            "extensions", Map.of("type", "object"),
            "hints", arrayOf(string())),
            "challenge", "rp", "user", "pubKeyCredParams");

    /** WebAuthn's {@code PublicKeyCredentialRequestOptionsJSON}. */
    static final Map<String, Object> REQUEST_OPTIONS = object(ordered(
            "rpId", string(), "challenge", string(), "allowCredentials", DESCRIPTORS, "timeout", NUMBER,
            "userVerification", string()),
            "challenge");

    static final Map<String, Object> UPDATED = object(ordered("passkey", PASSKEY), "passkey");

    private PasskeyResponses() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withSessionAndUser(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
        properties.put("session", ResponseSchemas.SESSION);
        properties.put("user", ResponseSchemas.USER);
        copy.put("properties", properties);
        return copy;
    }
}
