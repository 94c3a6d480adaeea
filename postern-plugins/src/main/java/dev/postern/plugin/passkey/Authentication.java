package dev.postern.plugin.passkey;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Signing in with a passkey: {@code GET /passkey/generate-authenticate-options} hands out
 * {@code PublicKeyCredentialRequestOptionsJSON} (with {@code allowCredentials} only when a signed-in user
 * asks; signed out the list is left empty, so the browser offers discoverable credentials, which is what
 * conditional UI needs), and {@code POST /passkey/verify-authentication} verifies the assertion, stores
 * the new signature counter and starts a session.
 */
final class Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    private static final long TIMEOUT_MILLIS = 60_000;

    private final RelyingParty relyingParty;
    private final Challenges challenges;
    private final WebAuthn webAuthn;

    Authentication(RelyingParty relyingParty, Challenges challenges, WebAuthn webAuthn) {
        this.relyingParty = relyingParty;
        this.challenges = challenges;
        this.webAuthn = webAuthn;
    }

    Endpoint optionsEndpoint() {
        return Endpoint.get("/passkey/generate-authenticate-options")
                .name("passkeyGenerateAuthenticateOptions")
                .response(PasskeyResponses.REQUEST_OPTIONS)
                .summary("Generate authentication options for a passkey")
                .tags("Passkey")
                .noStore()
                .handler(this::options)
                .build();
    }

    Endpoint verifyEndpoint() {
        return Endpoint.post("/passkey/verify-authentication")
                .name("passkeyVerifyAuthentication")
                .response(PasskeyResponses.SESSION_AND_USER)
                .body(Schemas.object().required("response", Schemas.record()))
                .summary("Verify authentication of a passkey")
                .tags("Passkey")
                .noStore()
                .errors("CHALLENGE_NOT_FOUND", "PASSKEY_NOT_FOUND", "AUTHENTICATION_FAILED", "UNABLE_TO_CREATE_SESSION")
                .handler(this::verify)
                .build();
    }

    private Object options(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Optional<Session> session = postern.sessions().current(ctx);
        List<Row> passkeys = session.map(s -> Passkeys.ofUser(postern, s.userId())).orElse(List.of());
        String challenge = Challenges.newChallenge();

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rpId", relyingParty.id(postern.config()));
        body.put("challenge", challenge);
        if (!passkeys.isEmpty()) {
            body.put("allowCredentials", Passkeys.descriptors(passkeys));
        }
        body.put("timeout", TIMEOUT_MILLIS);
        body.put("userVerification", "preferred");

        challenges.remember(ctx, Challenges.AUTHENTICATION, challenge,
                Map.of("id", session.map(Session::userId).orElse("")), null);
        return body;
    }

    private Object verify(EndpointContext ctx) {
        List<String> origins = relyingParty.expectedOrigins(ctx);
        if (origins.isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "origin missing");
        }
        Challenges.Pending pending = challenges.consume(ctx, Challenges.AUTHENTICATION);
        Postern postern = ctx.postern();
        JsonNode credential = ctx.body().get("response");
        JsonNode id = credential.get("id");
        Row passkey = (id != null && id.isString() ? Passkeys.byCredentialId(postern, id.stringValue()) : Optional.<Row>empty())
                .orElseThrow(() -> PasskeyErrorCodes.PASSKEY_NOT_FOUND.toException(Status.UNAUTHORIZED));
        long counter = passkey.number("counter") == null ? 0 : passkey.number("counter");
        long newCounter;
        try {
            newCounter = webAuthn.verifyAuthentication(credential,
                    new WebAuthn.StoredCredential(passkey.string("credentialID"), passkey.string("publicKey"), counter),
                    pending.expectedChallenge(), origins, relyingParty.id(postern.config()));
        } catch (WebAuthn.Rejected e) {
            LOG.debug("passkey authentication rejected: {}", e.getMessage());
            throw PasskeyErrorCodes.AUTHENTICATION_FAILED.toException(Status.BAD_REQUEST);
        }
        Row user = postern.users().findById(passkey.string("userId"))
                .orElseThrow(() -> PasskeyErrorCodes.USER_NOT_FOUND.toException(Status.UNAUTHORIZED));
        postern.store().update(PasskeySchema.PASSKEY, Where.eq("id", passkey.id()), Map.of("counter", newCounter));
        Session session = postern.sessions().create(ctx, user, true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", Output.of(postern.schema(), CoreSchema.SESSION, session.session()));
        body.put("user", postern.users().output(user));
        return body;
    }
}
