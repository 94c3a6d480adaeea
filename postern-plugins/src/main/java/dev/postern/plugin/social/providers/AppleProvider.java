package dev.postern.plugin.social.providers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.postern.json.Json;
import dev.postern.plugin.social.IdTokenVerifier;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sign in with Apple, as better-auth's {@code apple()}: scopes {@code email name},
 * {@code response_mode=form_post} with {@code response_type=code id_token} (the callback's POST is re-issued
 * as a GET), PKCE, the user read from the ID token, and the name from the {@code user} JSON Apple posts on
 * the first sign-in only. ID-token sign-in is verified against Apple's keys (issuer
 * {@code https://appleid.apple.com}, audience the client id or {@code appBundleIdentifier}, one hour max age).
 *
 * <p>The client secret is either given ({@code clientSecret}, a JWT made elsewhere) or made here for each
 * request from the team id, key id and {@code .p8} private key (ES256, five minutes), which is what Apple
 * asks for and spares rotating a six-month secret by hand.
 */
public final class AppleProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://appleid.apple.com/auth/authorize",
            "https://appleid.apple.com/auth/token", null, "https://appleid.apple.com/auth/keys", "https://appleid.apple.com");

    private final IdTokenVerifier idTokens;
    private final SecretKey secretKey;
    private final java.security.interfaces.ECPrivateKey signingKey;

    /** What signs the client-secret JWT: Apple's team id, the key's id and the key (PKCS#8 PEM, the .p8 file). */
    public record SecretKey(String teamId, String keyId, String privateKeyPem) {
    }

    public AppleProvider(ProviderSettings settings, ProviderEndpoints endpoints, SecretKey secretKey,
            String appBundleIdentifier, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
        if (settings.clientSecret() == null && secretKey == null) {
            throw new IllegalArgumentException("apple: give clientSecret, or teamId, keyId and privateKey to make it");
        }
        this.secretKey = secretKey;
        this.signingKey = secretKey == null ? null : parsePkcs8(secretKey.privateKeyPem());
        this.idTokens = new IdTokenVerifier(URI.create(this.endpoints.jwks()), Set.of(this.endpoints.issuer()),
                List.of(appBundleIdentifier != null ? appBundleIdentifier : settings.clientId()),
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), Duration.ofHours(1), clock, true);
    }

    @Override
    public String id() {
        return "apple";
    }

    @Override
    public String name() {
        return "Apple";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("email", "name");
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return Map.of("response_type", "code id_token", "response_mode", "form_post");
    }

    @Override
    protected String clientSecret() {
        if (secretKey == null) {
            return settings.clientSecret();
        }
        try {
            Instant now = clock.instant();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(secretKey.teamId()).subject(settings.clientId())
                    .audience("https://appleid.apple.com").issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(secretKey.keyId()).build(), claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("apple: cannot sign the client secret: " + e.getMessage(), e);
        }
    }

    /** The {@code .p8} file Apple hands out: a PKCS#8 EC P-256 key in PEM. Refused at start-up when it is not one. */
    private static java.security.interfaces.ECPrivateKey parsePkcs8(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = java.util.Base64.getDecoder().decode(base64);
            return (java.security.interfaces.ECPrivateKey) java.security.KeyFactory.getInstance("EC")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | java.security.GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("apple: privateKey is not a PKCS#8 EC private key in PEM (the .p8 file)", e);
        }
    }

    @Override
    public boolean supportsIdTokenSignIn() {
        return !settings.disableIdTokenSignIn();
    }

    @Override
    public boolean verifyIdToken(String idToken, String nonce) {
        return idTokens.verify(idToken, nonce).isPresent();
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        Optional<Map<String, Object>> claims = decodeIdToken(tokens.idToken());
        if (claims.isEmpty() || ProviderProfile.text(claims.get(), "sub") == null) {
            return Optional.empty();
        }
        Map<String, Object> raw = claims.get();
        String name = nameFromUser(userJson);
        if (name == null) {
            name = ProviderProfile.text(raw, "name");
        }
        raw.put("name", name == null ? "" : name);
        return Optional.of(new ProviderProfile(ProviderProfile.text(raw, "sub"), ProviderProfile.text(raw, "email"),
                ProviderProfile.truthy(raw.get("email_verified")), (String) raw.get("name"), null, raw));
    }

    /** {@code {"name":{"firstName":"Ada","lastName":"Lovelace"}}} (first sign-in only) → "Ada Lovelace". */
    private static String nameFromUser(String userJson) {
        if (userJson == null || userJson.isBlank()) {
            return null;
        }
        try {
            var name = Json.parse(userJson).get("name");
            if (name == null || !name.isObject()) {
                return null;
            }
            String first = name.has("firstName") && name.get("firstName").isString() ? name.get("firstName").stringValue() : "";
            String last = name.has("lastName") && name.get("lastName").isString() ? name.get("lastName").stringValue() : "";
            return (first + " " + last).trim();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
