package dev.postern.plugin.passkey;

import dev.postern.Postern;
import dev.postern.crypto.Encodings;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.validation.Schemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Adding a passkey to the signed-in user: {@code GET /passkey/generate-register-options} hands the browser
 * {@code PublicKeyCredentialCreationOptionsJSON} and remembers the challenge; {@code POST
 * /passkey/verify-registration} verifies the authenticator's answer and stores the credential. Both need
 * a fresh session, as better-auth's default {@code registration.requireSession: true} does.
 */
final class Registration {
    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    /** SimpleWebAuthn's default algorithms: Ed25519, ES256, RS256. */
    private static final List<Integer> ALGORITHMS = List.of(-8, -7, -257);
    private static final long TIMEOUT_MILLIS = 60_000;

    private final PasskeyOptions options;
    private final RelyingParty relyingParty;
    private final Challenges challenges;
    private final WebAuthn webAuthn;

    Registration(PasskeyOptions options, RelyingParty relyingParty, Challenges challenges, WebAuthn webAuthn) {
        this.options = options;
        this.relyingParty = relyingParty;
        this.challenges = challenges;
        this.webAuthn = webAuthn;
    }

    Endpoint optionsEndpoint() {
        return Endpoint.get("/passkey/generate-register-options")
                .name("generatePasskeyRegistrationOptions")
                .response(PasskeyResponses.CREATION_OPTIONS)
                .query(Schemas.object()
                        .optional("authenticatorAttachment", Schemas.oneOf("platform", "cross-platform"))
                        .optional("name", Schemas.string())
                        .optional("context", Schemas.string()))
                .summary("Generate registration options for a new passkey")
                .tags("Passkey")
                .noStore()
                .errors("UNAUTHORIZED", "SESSION_NOT_FRESH")
                .handler(this::options)
                .build();
    }

    Endpoint verifyEndpoint() {
        return Endpoint.post("/passkey/verify-registration")
                .name("passkeyVerifyRegistration")
                .response(PasskeyResponses.REGISTERED)
                .body(Schemas.object()
                        .optional("response", Schemas.any())
                        .optional("name", Schemas.string())
                        .optional("createSession", Schemas.bool()))
                .summary("Verify registration of a new passkey")
                .tags("Passkey")
                .noStore()
                .errors("UNAUTHORIZED", "SESSION_NOT_FRESH", "CHALLENGE_NOT_FOUND",
                        "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY", "FAILED_TO_VERIFY_REGISTRATION", "USER_NOT_FOUND")
                .handler(this::verify)
                .build();
    }

    private Object options(EndpointContext ctx) {
        Session session = ctx.postern().sessions().requireFresh(ctx);
        Row user = session.user();
        String userName = user.string("email") != null && !user.string("email").isEmpty() ? user.string("email") : user.id();
        Postern postern = ctx.postern();
        String challenge = Challenges.newChallenge();
        // A fresh random user handle per ceremony, as better-auth does: it never reveals the user id.
        byte[] userHandle = Ids.random(32, "abcdefghijklmnopqrstuvwxyz0123456789").getBytes(StandardCharsets.US_ASCII);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge", challenge);
        body.put("rp", Map.of("name", relyingParty.name(postern.config()), "id", relyingParty.id(postern.config())));
        Map<String, Object> userEntity = new LinkedHashMap<>();
        userEntity.put("id", Encodings.base64UrlNoPad(userHandle));
        userEntity.put("name", ctx.queryString("name").filter(n -> !n.isEmpty()).orElse(userName));
        userEntity.put("displayName", userName);
        body.put("user", userEntity);
        body.put("pubKeyCredParams", ALGORITHMS.stream()
                .map(alg -> Map.<String, Object>of("alg", alg, "type", "public-key")).toList());
        body.put("timeout", TIMEOUT_MILLIS);
        body.put("attestation", "none");
        body.put("excludeCredentials", Passkeys.descriptors(Passkeys.ofUser(postern, user.id())));
        body.put("authenticatorSelection", authenticatorSelection(ctx.queryString("authenticatorAttachment").orElse(null)));
        body.put("extensions", Map.of("credProps", true));
        body.put("hints", List.of());

        Map<String, Object> userData = new LinkedHashMap<>();
        userData.put("id", user.id());
        userData.put("name", userName);
        userData.put("displayName", userName);
        challenges.remember(ctx, Challenges.REGISTRATION, challenge, userData, ctx.queryString("context").orElse(null));
        return body;
    }

    /** better-auth's defaults, the configured criteria over them, the request's attachment over those. */
    private Map<String, Object> authenticatorSelection(String requestedAttachment) {
        PasskeyOptions.AuthenticatorSelection configured = options.authenticatorSelection();
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("residentKey", configured.residentKey() != null ? configured.residentKey() : "preferred");
        selection.put("userVerification", configured.userVerification() != null ? configured.userVerification() : "preferred");
        if (configured.authenticatorAttachment() != null) {
            selection.put("authenticatorAttachment", configured.authenticatorAttachment());
        }
        if (requestedAttachment != null) {
            selection.put("authenticatorAttachment", requestedAttachment);
        }
        // SimpleWebAuthn derives the Level 1 flag from residentKey whenever residentKey is set.
        selection.put("requireResidentKey", "required".equals(selection.get("residentKey")));
        return selection;
    }

    private Object verify(EndpointContext ctx) {
        Session session = ctx.postern().sessions().requireFresh(ctx);
        List<String> origins = relyingParty.expectedOrigins(ctx);
        if (origins.isEmpty()) {
            throw PasskeyErrorCodes.FAILED_TO_VERIFY_REGISTRATION.toException(Status.BAD_REQUEST);
        }
        Challenges.Pending pending = challenges.consume(ctx, Challenges.REGISTRATION);
        if (!session.userId().equals(pending.userId())) {
            throw PasskeyErrorCodes.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY.toException(Status.UNAUTHORIZED);
        }
        Postern postern = ctx.postern();
        JsonNode credential = ctx.body().get("response");
        WebAuthn.NewCredential verified;
        try {
            verified = webAuthn.verifyRegistration(credential == null ? MissingNode.getInstance() : credential,
                    pending.expectedChallenge(), origins, relyingParty.id(postern.config()));
        } catch (WebAuthn.Rejected e) {
            // better-auth answers 500 here; a response that does not verify is the client's fault, so 400.
            LOG.debug("passkey registration rejected: {}", e.getMessage());
            throw PasskeyErrorCodes.FAILED_TO_VERIFY_REGISTRATION.toException(Status.BAD_REQUEST);
        }
        String name = ctx.bodyString("name").map(String::trim).filter(n -> !n.isEmpty()).orElse(null);
        boolean createSession = ctx.bodyBoolean("createSession", false);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("userId", session.userId());
        data.put("credentialID", verified.credentialId());
        data.put("publicKey", verified.publicKey());
        data.put("counter", verified.counter());
        data.put("deviceType", verified.deviceType());
        data.put("transports", transports(credential));
        data.put("backedUp", verified.backedUp());
        data.put("createdAt", Instant.now(postern.config().clock()).truncatedTo(ChronoUnit.MILLIS));
        data.put("aaguid", verified.aaguid());
        // The user is looked up before anything is written, so a vanished user leaves no passkey behind.
        Row user = createSession ? postern.users().findById(session.userId())
                .orElseThrow(() -> PasskeyErrorCodes.USER_NOT_FOUND.toException(Status.INTERNAL_SERVER_ERROR)) : null;
        Row passkey = postern.store().create(PasskeySchema.PASSKEY, data);
        Map<String, Object> body = new LinkedHashMap<>(Passkeys.output(postern, passkey));
        if (user == null) {
            return body;
        }
        // better-auth's createSession: a new session for the same user, made this browser's.
        Session created;
        try {
            created = postern.sessions().create(ctx, user, true);
        } catch (RuntimeException e) {
            postern.store().delete(PasskeySchema.PASSKEY, Where.eq("id", passkey.id()));
            throw e;
        }
        body.put("session", Output.of(postern.schema(), CoreSchema.SESSION, created.session()));
        body.put("user", postern.users().output(user));
        return body;
    }

    /** {@code response.transports} joined with commas; {@code ""} when the browser sent none, as better-auth stores it. */
    private static String transports(JsonNode credential) {
        if (credential == null) {
            return "";
        }
        JsonNode transports = credential.path("response").path("transports");
        return StreamSupport.stream(transports.spliterator(), false)
                .filter(JsonNode::isString).map(JsonNode::stringValue).collect(Collectors.joining(","));
    }
}
