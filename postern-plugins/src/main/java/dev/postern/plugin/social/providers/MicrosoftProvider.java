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
 * unless {@code disableProfilePhoto}.
 */
public final class MicrosoftProvider extends StandardProvider {
    public static final String GRAPH = "https://graph.microsoft.com/v1.0/me";

    private final boolean disableProfilePhoto;
    private final int photoSize;

    /**
     * @param tenantId the tenant ({@code common}, {@code organizations}, {@code consumers} or a tenant id); null for common
     * @param authority the login host; null for {@code https://login.microsoftonline.com}
     */
    public MicrosoftProvider(ProviderSettings settings, ProviderEndpoints endpoints, String tenantId, String authority,
            boolean disableProfilePhoto, int photoSize, Clock clock) {
        super(settings, endpoints, defaults(tenantId, authority), clock);
        this.disableProfilePhoto = disableProfilePhoto;
        this.photoSize = photoSize <= 0 ? 48 : photoSize;
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
