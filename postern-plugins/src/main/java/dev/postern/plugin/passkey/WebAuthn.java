package dev.postern.plugin.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.postern.crypto.Encodings;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The two WebAuthn verifications, done by webauthn4j on the JSON SimpleWebAuthn's browser library posts
 * ({@code RegistrationResponseJSON}, {@code AuthenticationResponseJSON}). Policy is better-auth's:
 * attestation {@code none} accepted, user presence required, user verification not required (the options
 * ask for it as "preferred"), a signature counter that must grow once either side has counted.
 *
 * <p>Every way a response can be wrong (not base64url, not CBOR, another challenge, origin or relying
 * party, a bad signature, a counter gone backwards) is a {@link Rejected}; callers map it to the
 * ceremony's error code.
 */
final class WebAuthn {
    private static final int FLAG_ED = 0x80;
    /** rpIdHash, flags, signCount, then the attested credential data: aaguid and the id's length. */
    private static final int CREDENTIAL_ID_OFFSET = 32 + 1 + 4 + 16 + 2;

    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final AttestedCredentialDataConverter credentialDataConverter = new AttestedCredentialDataConverter(converter);

    /** A verified new credential, in the encodings of the {@code passkey} table. */
    record NewCredential(String credentialId, String publicKey, long counter, String deviceType, boolean backedUp,
            String aaguid) {
    }

    /** What the table knows of a credential, for verifying an assertion made with it. */
    record StoredCredential(String credentialId, String publicKey, long counter) {
    }

    /** Thrown for any response that does not verify; the message is for logs, never for clients. */
    static final class Rejected extends RuntimeException {
        Rejected(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    NewCredential verifyRegistration(JsonNode credential, String challenge, List<String> origins, String rpId) {
        try {
            JsonNode response = credential.path("response");
            RegistrationRequest request = new RegistrationRequest(
                    base64Url(response.get("attestationObject")), base64Url(response.get("clientDataJSON")),
                    extensionsJson(credential), transports(response));
            RegistrationData data = manager.parse(request);
            manager.verify(data, new RegistrationParameters(server(challenge, origins, rpId), null, false, true));
            AuthenticatorData<?> authenticatorData = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
            if (!authenticatorData.isFlagBE() && authenticatorData.isFlagBS()) {
                // SimpleWebAuthn refuses a single-device credential that claims to be backed up.
                throw new IllegalArgumentException("backup state without backup eligibility");
            }
            return new NewCredential(
                    Encodings.base64UrlNoPad(attested.getCredentialId()),
                    Encodings.base64(cosePublicKey(data, attested)),
                    authenticatorData.getSignCount(),
                    authenticatorData.isFlagBE() ? "multiDevice" : "singleDevice",
                    authenticatorData.isFlagBS(),
                    attested.getAaguid().getValue().toString());
        } catch (RuntimeException e) {
            throw new Rejected("registration response did not verify: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Verifies an assertion; returns the authenticator's new signature counter. */
    long verifyAuthentication(JsonNode credential, StoredCredential stored, String challenge, List<String> origins,
            String rpId) {
        try {
            JsonNode response = credential.path("response");
            byte[] credentialId = base64Url(credential.get("id"));
            JsonNode userHandle = response.get("userHandle");
            AuthenticationRequest request = new AuthenticationRequest(
                    credentialId,
                    userHandle == null || userHandle.isNull() ? null : base64Url(userHandle),
                    base64Url(response.get("authenticatorData")),
                    base64Url(response.get("clientDataJSON")),
                    extensionsJson(credential),
                    base64Url(response.get("signature")));
            COSEKey key = converter.getCborConverter().readValue(
                    Encodings.decodeBase64EitherAlphabet(stored.publicKey()).orElseThrow(), COSEKey.class);
            AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO,
                    base64Url(stored.credentialId()), key);
            // Backup flags and UV state are not stored by better-auth, so they are not compared (null).
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                    stored.counter(), attested, null, null, null, null);
            AuthenticationData data = manager.parse(request);
            manager.verify(data, new AuthenticationParameters(server(challenge, origins, rpId), record, null, false, true));
            return data.getAuthenticatorData().getSignCount();
        } catch (RuntimeException e) {
            throw new Rejected("authentication response did not verify: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The COSE public key exactly as the authenticator encoded it, which is what SimpleWebAuthn stores; only
     * when extensions follow it in the authenticator data (rare) is it re-encoded by webauthn4j.
     */
    private byte[] cosePublicKey(RegistrationData data, AttestedCredentialData attested) {
        byte[] authenticatorData = converter.getCborConverter().readTree(data.getAttestationObjectBytes())
                .get("authData").binaryValue();
        int start = CREDENTIAL_ID_OFFSET + attested.getCredentialId().length;
        if ((authenticatorData[32] & FLAG_ED) == 0 && start < authenticatorData.length) {
            return Arrays.copyOfRange(authenticatorData, start, authenticatorData.length);
        }
        byte[] encoded = credentialDataConverter.convert(attested);
        return Arrays.copyOfRange(encoded, 16 + 2 + attested.getCredentialId().length, encoded.length);
    }

    private static ServerProperty server(String challenge, List<String> origins, String rpId) {
        Set<Origin> allowed = origins.stream().map(Origin::create).collect(Collectors.toCollection(LinkedHashSet::new));
        return new ServerProperty(allowed, rpId, new DefaultChallenge(base64Url(challenge)));
    }

    private static String extensionsJson(JsonNode credential) {
        JsonNode extensions = credential.get("clientExtensionResults");
        return extensions != null && extensions.isObject() ? extensions.toString() : null;
    }

    private static Set<String> transports(JsonNode response) {
        Set<String> transports = new LinkedHashSet<>();
        response.path("transports").forEach(t -> {
            if (t.isString()) {
                transports.add(t.stringValue());
            }
        });
        return transports;
    }

    private static byte[] base64Url(JsonNode node) {
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException("missing base64url field");
        }
        return base64Url(node.stringValue());
    }

    private static byte[] base64Url(String text) {
        return Encodings.decodeBase64EitherAlphabet(text).orElseThrow(() -> new IllegalArgumentException("not base64url"));
    }
}
