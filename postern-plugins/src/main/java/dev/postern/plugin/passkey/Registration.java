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
import java.util.Optional;
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
 * a fresh session, as better-auth's default {@code registration.requireSession: true} does; with it off,
 * a signed-out registration is for the user {@code registration.resolveUser} names (passkey-first sign-up).
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
        PasskeyRegistration.User user = registeringUser(ctx);
        Postern postern = ctx.postern();
        String challenge = Challenges.newChallenge();
        // A fresh random user handle per ceremony, as better-auth does: it never reveals the user id.
        byte[] userHandle = Ids.random(32, "abcdefghijklmnopqrstuvwxyz0123456789").getBytes(StandardCharsets.US_ASCII);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge", challenge);
        body.put("rp", Map.of("name", relyingParty.name(postern.config()), "id", relyingParty.id(postern.config())));
        Map<String, Object> userEntity = new LinkedHashMap<>();
        userEntity.put("id", Encodings.base64UrlNoPad(userHandle));
        userEntity.put("name", ctx.queryString("name").filter(n -> !n.isEmpty()).orElse(firstNonEmpty(user.name(), user.id())));
        userEntity.put("displayName", firstNonEmpty(user.displayName(), user.name(), user.id()));
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
        userData.put("name", user.name());
        userData.put("displayName", user.displayName());
        challenges.remember(ctx, Challenges.REGISTRATION, challenge, userData, ctx.queryString("context").orElse(null));
        return body;
    }

    /**
     * Who the passkey is for, as better-auth's {@code resolveRegistrationUser} decides: the fresh session's
     * user when a session is required; else the session's user if there is one, else {@code resolveUser}'s.
     */
    private PasskeyRegistration.User registeringUser(EndpointContext ctx) {
        PasskeyRegistration registration = options.registration();
        Optional<Session> session = registration.requireSession()
                ? Optional.of(ctx.postern().sessions().requireFresh(ctx))
                : ctx.postern().sessions().current(ctx);
        if (session.isPresent()) {
            Row user = session.get().user();
            String name = firstNonEmpty(user.string("email"), user.id());
            return new PasskeyRegistration.User(user.id(), name, name);
        }
        if (registration.resolveUser() == null) {
            throw PasskeyErrorCodes.RESOLVE_USER_REQUIRED.toException(Status.BAD_REQUEST);
        }
        PasskeyRegistration.User resolved = registration.resolveUser()
                .resolve(ctx, ctx.queryString("context").orElse(null)).orElse(null);
        if (resolved == null || isEmpty(resolved.id()) || isEmpty(resolved.name())) {
            throw PasskeyErrorCodes.RESOLVED_USER_INVALID.toException(Status.BAD_REQUEST);
        }
        return resolved;
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
        PasskeyRegistration registration = options.registration();
        Optional<Session> session = registration.requireSession()
                ? Optional.of(ctx.postern().sessions().requireFresh(ctx))
                : ctx.postern().sessions().current(ctx);
        List<String> origins = relyingParty.expectedOrigins(ctx);
        if (origins.isEmpty()) {
            throw PasskeyErrorCodes.FAILED_TO_VERIFY_REGISTRATION.toException(Status.BAD_REQUEST);
        }
        Challenges.Pending pending = challenges.consume(ctx, Challenges.REGISTRATION);
        if (session.isPresent() && !session.get().userId().equals(pending.userId())) {
            throw notAllowed();
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
        String userId = pending.userId();
        String name = ctx.bodyString("name").map(String::trim).filter(n -> !n.isEmpty()).orElse(null);
        if (registration.afterVerification() != null) {
            PasskeyRegistration.User user = pending.user();
            PasskeyRegistration.Outcome outcome = registration.afterVerification().after(ctx,
                    new PasskeyRegistration.User(user.id(), firstNonEmpty(user.name(), user.id()), user.displayName()),
                    credential, pending.context()).orElse(null);
            if (outcome != null && outcome.userId() != null) {
                if (outcome.userId().isEmpty()) {
                    throw PasskeyErrorCodes.RESOLVED_USER_INVALID.toException(Status.BAD_REQUEST);
                }
                if (session.isPresent() && !outcome.userId().equals(session.get().userId())) {
                    throw notAllowed();
                }
                userId = outcome.userId();
            }
            if (name == null && outcome != null && outcome.name() != null && !outcome.name().isBlank()) {
                name = outcome.name().trim();
            }
        }
        if (isEmpty(userId)) {
            throw PasskeyErrorCodes.RESOLVED_USER_INVALID.toException(Status.BAD_REQUEST);
        }
        // The user is looked up before anything is written: a resolved id with no user behind it stores nothing.
        Row user = postern.users().findById(userId)
                .orElseThrow(() -> PasskeyErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", name);
        data.put("userId", user.id());
        data.put("credentialID", verified.credentialId());
        data.put("publicKey", verified.publicKey());
        data.put("counter", verified.counter());
        data.put("deviceType", verified.deviceType());
        data.put("transports", transports(credential));
        data.put("backedUp", verified.backedUp());
        data.put("createdAt", Instant.now(postern.config().clock()).truncatedTo(ChronoUnit.MILLIS));
        data.put("aaguid", verified.aaguid());
        Row passkey = postern.store().create(PasskeySchema.PASSKEY, data);
        Map<String, Object> body = new LinkedHashMap<>(Passkeys.output(postern, passkey));
        if (!ctx.bodyBoolean("createSession", false)) {
            return body;
        }
        // better-auth's createSession: a new session for the passkey's user, made this browser's.
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

    private static RuntimeException notAllowed() {
        return PasskeyErrorCodes.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY.toException(Status.UNAUTHORIZED);
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }

    /** JavaScript's {@code a || b || c} over strings. */
    private static String firstNonEmpty(String... candidates) {
        for (String candidate : candidates) {
            if (!isEmpty(candidate)) {
                return candidate;
            }
        }
        return candidates[candidates.length - 1];
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
