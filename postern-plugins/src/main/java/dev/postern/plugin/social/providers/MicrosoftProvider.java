package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Entra ID, as better-auth's {@code microsoft()}: a tenant ({@code common} unless
 * {@code tenantId}) under an authority ({@code https://login.microsoftonline.com}), scopes
 * {@code openid profile email User.Read offline_access}, PKCE, the user read from the ID token with the
 * object id {@code oid} as the account id, the address verified when the token says so or lists it among
 * {@code verified_primary_email} / {@code verified_secondary_email}, and the Graph profile photo as a data URL
 * unless {@code disableProfilePhoto}. ID-token sign-in verifies against the tenant's keys with better-auth's
 * issuer rule.
 */
public final class MicrosoftProvider extends StandardProvider {
    public static final String GRAPH = "https://graph.microsoft.com/v1.0/me";

    private static final String CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private final boolean disableProfilePhoto;
    private final int photoSize;
    private final dev.postern.plugin.social.IdTokenVerifier idTokens;

    /**
     * @param tenantId the tenant ({@code common}, {@code organizations}, {@code consumers} or a tenant id); null for common
     * @param authority the login host; null for {@code https://login.microsoftonline.com}
     */
    public MicrosoftProvider(ProviderSettings settings, ProviderEndpoints endpoints, String tenantId, String authority,
            boolean disableProfilePhoto, int photoSize, Clock clock) {
        super(settings, endpoints, defaults(tenantId, authority), clock);
        this.disableProfilePhoto = disableProfilePhoto;
        this.photoSize = photoSize <= 0 ? 48 : photoSize;
        String tenant = tenantId == null || tenantId.isBlank() ? "common" : tenantId;
        String host = (authority == null ? "https://login.microsoftonline.com" : authority).replaceAll("/+$", "");
        this.idTokens = new dev.postern.plugin.social.IdTokenVerifier(URI.create(this.endpoints.jwks()),
                claims -> issuerAccepted(claims, tenant, host), List.of(settings.clientId()),
                java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.RS256), null, clock, false);
    }

    /**
     * better-auth's Entra ID issuer rule: a fixed tenant's own issuer; for {@code common},
     * {@code organizations} and {@code consumers} the issuer of the token's tenant ({@code tid}), with
     * {@code organizations} refusing the consumer tenant and {@code consumers} accepting only it.
     */
    private static boolean issuerAccepted(com.nimbusds.jwt.JWTClaimsSet claims, String tenant, String host) {
        if (!List.of("common", "organizations", "consumers").contains(tenant)) {
            return (host + "/" + tenant + "/v2.0").equals(claims.getIssuer());
        }
        Object tid = claims.getClaim("tid");
        if (!(tid instanceof String t) || !(host + "/" + t + "/v2.0").equals(claims.getIssuer())) {
            return false;
        }
        return switch (tenant) {
            case "organizations" -> !CONSUMER_TENANT.equals(t);
            case "consumers" -> CONSUMER_TENANT.equals(t);
            default -> true;
        };
    }

    @Override
    public boolean supportsIdTokenSignIn() {
        return !settings.disableIdTokenSignIn();
    }

    @Override
    public boolean verifyIdToken(String idToken, String nonce) {
        return idTokens.verify(idToken, nonce).isPresent();
    }

    public static ProviderEndpoints defaults(String tenantId, String authority) {
        String tenant = tenantId == null || tenantId.isBlank() ? "common" : tenantId;
        String host = (authority == null ? "https://login.microsoftonline.com" : authority).replaceAll("/+$", "");
        return new ProviderEndpoints(host + "/" + tenant + "/oauth2/v2.0/authorize", host + "/" + tenant + "/oauth2/v2.0/token",
                GRAPH, host + "/" + tenant + "/discovery/v2.0/keys", null);
    }

    @Override
    public String id() {
        return "microsoft";
    }

    @Override
    public String name() {
        return "Microsoft EntraID";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "profile", "email", "User.Read", "offline_access");
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        Optional<Map<String, Object>> claims = decodeIdToken(tokens.idToken());
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> raw = claims.get();
        String oid = ProviderProfile.text(raw, "oid");
        if (oid == null || oid.isBlank()) {
            return Optional.empty();
        }
        if (!disableProfilePhoto && tokens.accessToken() != null) {
            OAuthHttp.getBytes(URI.create(endpoints.userInfo() + "/photos/" + photoSize + "x" + photoSize + "/$value"),
                    Map.of("Authorization", "Bearer " + tokens.accessToken()))
                    .ifPresent(photo -> raw.put("picture", "data:image/jpeg;base64, " + Base64.getEncoder().encodeToString(photo)));
        }
        String email = ProviderProfile.text(raw, "email");
        boolean verified = raw.containsKey("email_verified") ? ProviderProfile.truthy(raw.get("email_verified"))
                : email != null && (listed(raw.get("verified_primary_email"), email) || listed(raw.get("verified_secondary_email"), email));
        return Optional.of(new ProviderProfile(oid, email, verified, ProviderProfile.text(raw, "name"),
                ProviderProfile.text(raw, "picture"), raw));
    }

    private static boolean listed(Object list, String email) {
        return list instanceof List<?> l && l.contains(email);
    }
}
