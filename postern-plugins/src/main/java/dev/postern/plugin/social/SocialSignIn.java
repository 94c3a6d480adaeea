package dev.postern.plugin.social;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /sign-in/social}: with {@code idToken} in the body, verifies it and signs the user in at once
 * ({@code {redirect:false, token, user}}); otherwise starts the redirect flow: stores the state, and answers
 * {@code {url, redirect}} with {@code Location} set to the provider's authorization URL unless
 * {@code disableRedirect}.
 */
final class SocialSignIn {
    private final SocialPlugin plugin;

    SocialSignIn(SocialPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-in/social")
                .name("signInSocial")
                .response(SocialResponses.REDIRECT_OR_SESSION)
                .body(Schemas.object()
                        .optional("callbackURL", Schemas.string())
                        .optional("newUserCallbackURL", Schemas.string())
                        .optional("errorCallbackURL", Schemas.string())
                        .required("provider", Schemas.string())
                        .optional("disableRedirect", Schemas.bool())
                        .optional("idToken", Schemas.object()
                                .required("token", Schemas.string())
                                .optional("nonce", Schemas.string())
                                .optional("accessToken", Schemas.string())
                                .optional("refreshToken", Schemas.string())
                                .optional("expiresAt", Schemas.number())
                                .optional("user", Schemas.any()))
                        .optional("scopes", Schemas.array(Schemas.string()))
                        .optional("requestSignUp", Schemas.bool())
                        .optional("loginHint", Schemas.string())
                        .optional("additionalParams", Schemas.record())
                        .optional("additionalData", Schemas.record()))
                .summary("Sign in with a social provider")
                .tags("Social")
                .noStore()
                .errors("PROVIDER_NOT_FOUND", "ID_TOKEN_NOT_SUPPORTED", "INVALID_TOKEN", "FAILED_TO_GET_USER_INFO",
                        "USER_EMAIL_NOT_FOUND", "CALLBACK_URL_REQUIRED", "INVALID_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        SocialProvider provider = plugin.requireProvider(ctx.bodyString("provider").orElseThrow());
        JsonNode idToken = ctx.body().get("idToken");
        if (idToken != null && idToken.isObject()) {
            return signInWithIdToken(ctx, provider, idToken);
        }
        return plugin.startFlow(ctx, provider, null);
    }

    private Object signInWithIdToken(EndpointContext ctx, SocialProvider provider, JsonNode idToken) {
        if (!provider.supportsIdTokenSignIn()) {
            throw SocialErrorCodes.ID_TOKEN_NOT_SUPPORTED.toException(Status.NOT_FOUND);
        }
        String token = idToken.get("token").stringValue();
        String nonce = text(idToken, "nonce");
        if (!provider.verifyIdToken(token, nonce)) {
            throw SocialErrorCodes.INVALID_TOKEN.toException(Status.UNAUTHORIZED);
        }
        OAuthTokens tokens = OAuthTokens.ofIdToken(token, text(idToken, "accessToken"), text(idToken, "refreshToken"));
        JsonNode user = idToken.get("user");
        ProviderProfile profile = provider.userInfo(tokens, nonce, user == null || user.isNull() ? null : user.toString())
                .orElseThrow(() -> SocialErrorCodes.FAILED_TO_GET_USER_INFO.toException(Status.UNAUTHORIZED));
        if (profile.email() == null || profile.email().isEmpty()) {
            throw SocialErrorCodes.USER_EMAIL_NOT_FOUND.toException(Status.UNAUTHORIZED);
        }
        Postern postern = ctx.postern();
        boolean disableSignUp = (provider.settings().disableImplicitSignUp() && !ctx.bodyBoolean("requestSignUp", false))
                || provider.settings().disableSignUp();
        OAuthAccounts.SignIn result = plugin.accounts().signIn(postern, provider, profile, tokens, disableSignUp, false);
        if (result.error() != null) {
            throw new ApiException(Status.UNAUTHORIZED, "OAUTH_LINK_ERROR", result.error());
        }
        Session session = postern.sessions().create(ctx, result.user(), true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redirect", false);
        body.put("token", session.token());
        body.put("user", postern.users().output(result.user()));
        return body;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
