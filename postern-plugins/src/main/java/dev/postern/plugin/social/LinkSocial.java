package dev.postern.plugin.social;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /link-social}: links another provider account to the signed-in user. With {@code idToken}
 * the token is verified and the account linked at once ({@code {url:"", status:true, redirect:false}});
 * otherwise a redirect flow starts whose state carries the user, the user's address and the session token
 * (sealed), and the callback links instead of signing in. Needs a session (better-auth's sensitive session
 * check: the cookie cache is not trusted).
 */
final class LinkSocial {
    private final SocialPlugin plugin;

    LinkSocial(SocialPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/link-social")
                .name("linkSocialAccount")
                .response(SocialResponses.REDIRECT_OR_SESSION)
                .body(Schemas.object()
                        .optional("callbackURL", Schemas.string())
                        .required("provider", Schemas.string())
                        .optional("idToken", Schemas.object()
                                .required("token", Schemas.string())
                                .optional("nonce", Schemas.string())
                                .optional("accessToken", Schemas.string())
                                .optional("refreshToken", Schemas.string()))
                        .optional("requestSignUp", Schemas.bool())
                        .optional("scopes", Schemas.array(Schemas.string()))
                        .optional("errorCallbackURL", Schemas.string())
                        .optional("disableRedirect", Schemas.bool())
                        .optional("loginHint", Schemas.string())
                        .optional("additionalParams", Schemas.record())
                        .optional("additionalData", Schemas.record()))
                .summary("Link a social account to the user")
                .tags("Social")
                .noStore()
                .errors("UNAUTHORIZED", "PROVIDER_NOT_FOUND", "ID_TOKEN_NOT_SUPPORTED", "INVALID_TOKEN",
                        "SOCIAL_ACCOUNT_ALREADY_LINKED", "LINKING_NOT_ALLOWED", "LINKING_DIFFERENT_EMAILS_NOT_ALLOWED")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        SocialProvider provider = plugin.requireProvider(ctx.bodyString("provider").orElseThrow());
        JsonNode idToken = ctx.body().get("idToken");
        if (idToken != null && idToken.isObject()) {
            return linkIdToken(postern, session, provider, idToken);
        }
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("userId", session.userId());
        link.put("email", session.user().string("email"));
        link.put("encryptedSessionToken", SocialPlugin.sealSessionToken(postern, session.token()));
        return plugin.startFlow(ctx, provider, link);
    }

    private Object linkIdToken(Postern postern, Session session, SocialProvider provider, JsonNode idToken) {
        if (!provider.supportsIdTokenSignIn()) {
            throw SocialErrorCodes.ID_TOKEN_NOT_SUPPORTED.toException(Status.NOT_FOUND);
        }
        String token = idToken.get("token").stringValue();
        String nonce = SocialSignIn.text(idToken, "nonce");
        if (!provider.verifyIdToken(token, nonce)) {
            throw SocialErrorCodes.INVALID_TOKEN.toException(Status.UNAUTHORIZED);
        }
        OAuthTokens tokens = OAuthTokens.ofIdToken(token, SocialSignIn.text(idToken, "accessToken"),
                SocialSignIn.text(idToken, "refreshToken"));
        ProviderProfile profile = provider.userInfo(tokens, nonce, null)
                .orElseThrow(() -> SocialErrorCodes.FAILED_TO_GET_USER_INFO.toException(Status.UNAUTHORIZED));
        if (profile.email() == null || profile.email().isEmpty()) {
            throw SocialErrorCodes.USER_EMAIL_NOT_FOUND.toException(Status.UNAUTHORIZED);
        }
        OAuthAccounts accounts = plugin.accounts();
        Optional<Row> linked = accounts.findAccount(postern, provider.id(), profile.accountId());
        if (linked.isPresent() && !linked.get().string("userId").equals(session.userId())) {
            throw SocialErrorCodes.SOCIAL_ACCOUNT_ALREADY_LINKED.toException(Status.CONFLICT);
        }
        if (linked.isEmpty()) {
            SocialOptions.AccountLinking linking = plugin.options().linking();
            if ((!linking.trustedProviders().contains(provider.id()) && !profile.emailVerified()) || !linking.enabled()) {
                throw SocialErrorCodes.LINKING_NOT_ALLOWED.toException(Status.UNAUTHORIZED);
            }
            if (!profile.email().equalsIgnoreCase(session.user().string("email")) && !linking.allowDifferentEmails()) {
                throw SocialErrorCodes.LINKING_DIFFERENT_EMAILS_NOT_ALLOWED.toException(Status.UNAUTHORIZED);
            }
        }
        if (accounts.link(postern, provider, profile, tokens, session.userId(), profile.email()).isPresent()) {
            throw SocialErrorCodes.LINKING_FAILED.toException(Status.EXPECTATION_FAILED);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", "");
        body.put("status", true);
        body.put("redirect", false);
        return body;
    }
}
