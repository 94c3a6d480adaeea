package dev.postern.plugin.passkey;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.SessionAndUser;
import dev.postern.api.StatusResponse;
import dev.postern.http.Headers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * Typed Java API for the {@code passkey} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.listPasskeys({headers})}). The WebAuthn ceremonies need a browser's
 * authenticator: the options go to {@code navigator.credentials}, its answer comes back as {@code response}.
 * {@code headers} carry the browser's cookies (session, challenge) and, unless the plugin's {@code origin}
 * option is set, the browser's {@code Origin}, which the authenticator's answer is checked against.
 */
public final class PasskeyApi {
    private static final TypeReference<List<Passkey>> PASSKEYS = new TypeReference<>() {
    };
    private final PosternApi api;

    public PasskeyApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static PasskeyApi of(Postern postern) {
        return new PasskeyApi(postern.api());
    }

    /** A registered passkey as endpoints return it (the {@code passkey} table's row). */
    public record Passkey(String id, String name, String publicKey, String userId, String credentialID, long counter,
                          String deviceType, boolean backedUp, String transports, Instant createdAt, String aaguid) {
    }

    /** {@code generatePasskeyRegistrationOptions}'s query: {@code authenticatorAttachment} platform or cross-platform. */
    public record RegistrationOptionsRequest(String authenticatorAttachment, String name, String context) {
    }

    /** WebAuthn creation options (the JSON for {@code navigator.credentials.create}); the rest is in the JSON. */
    public record RegistrationOptions(String challenge, Map<String, Object> rp, Map<String, Object> user,
                                      Long timeout, String attestation) {
    }

    /** WebAuthn request options (the JSON for {@code navigator.credentials.get}). */
    public record AuthenticationOptions(String challenge, String rpId, List<Map<String, Object>> allowCredentials,
                                        Long timeout, String userVerification) {
    }

    /** {@code passkeyVerifyRegistration}'s body: the authenticator's JSON answer, a name, and whether to sign in. */
    public record VerifyRegistrationRequest(Map<String, Object> response, String name, Boolean createSession) {
    }

    public record UpdatePasskeyResponse(Passkey passkey) {
    }

    public ApiResponse<RegistrationOptions> generatePasskeyRegistrationOptions(Headers headers,
                                                                               RegistrationOptionsRequest request) {
        return api.call("generatePasskeyRegistrationOptions", ApiCall.empty().withQuery(request).withHeaders(headers),
                RegistrationOptions.class);
    }

    public ApiResponse<AuthenticationOptions> passkeyGenerateAuthenticateOptions(Headers headers) {
        return api.call("passkeyGenerateAuthenticateOptions", ApiCall.empty().withHeaders(headers),
                AuthenticationOptions.class);
    }

    /** Stores the new passkey; the challenge cookie of the options call must be in {@code headers}. */
    public ApiResponse<Passkey> passkeyVerifyRegistration(Headers headers, VerifyRegistrationRequest request) {
        return api.call("passkeyVerifyRegistration", ApiCall.empty().withBody(request).withHeaders(headers),
                Passkey.class);
    }

    /** Signs in with the authenticator's JSON answer; the challenge cookie must be in {@code headers}. */
    public ApiResponse<SessionAndUser> passkeyVerifyAuthentication(Headers headers, Map<String, Object> response) {
        return api.call("passkeyVerifyAuthentication", ApiCall.body(Map.of("response", response)).withHeaders(headers),
                SessionAndUser.class);
    }

    public ApiResponse<List<Passkey>> listPasskeys(Headers headers) {
        return api.call("listPasskeys", ApiCall.empty().withHeaders(headers), PASSKEYS);
    }

    public ApiResponse<StatusResponse> deletePasskey(Headers headers, String id) {
        return api.call("deletePasskey", ApiCall.body(Map.of("id", id)).withHeaders(headers), StatusResponse.class);
    }

    public ApiResponse<UpdatePasskeyResponse> updatePasskey(Headers headers, String id, String name) {
        return api.call("updatePasskey", ApiCall.body(Map.of("id", id, "name", name)).withHeaders(headers),
                UpdatePasskeyResponse.class);
    }
}
