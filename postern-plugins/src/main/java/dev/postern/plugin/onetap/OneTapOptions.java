package dev.postern.plugin.onetap;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Options of the {@code one-tap} plugin, as better-auth's {@code oneTap({clientId, disableSignup})} takes them.
 *
 * @param clientId the Google OAuth client id(s) the ID token must be issued to (its {@code aud}); better-auth
 *     falls back to {@code socialProviders.google.clientId}, which Postern has no counterpart for yet, so it
 *     is required here for the endpoint to work (without it the endpoint answers better-auth's 400)
 * @param disableSignup sign in existing users only (false)
 * @param jwksUrl where Google's signing keys are ({@code https://www.googleapis.com/oauth2/v3/certs})
 */
public record OneTapOptions(List<String> clientId, boolean disableSignup, URI jwksUrl) {
    public static final URI GOOGLE_JWKS_URL = URI.create("https://www.googleapis.com/oauth2/v3/certs");

    public OneTapOptions {
        clientId = clientId == null ? List.of() : List.copyOf(clientId);
        jwksUrl = Objects.requireNonNullElse(jwksUrl, GOOGLE_JWKS_URL);
    }

    public static OneTapOptions forClient(String clientId) {
        return new OneTapOptions(List.of(clientId), false, null);
    }

    public OneTapOptions withJwksUrl(URI url) {
        return new OneTapOptions(clientId, disableSignup, url);
    }

    public OneTapOptions withDisableSignup(boolean value) {
        return new OneTapOptions(clientId, value, jwksUrl);
    }
}
