package dev.postern.plugin.social;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider tokens of a user's account, by the account row's {@code id} as better-auth 1.7 selects it:
 * {@code POST /get-access-token} (refreshed first when it expires within 5 s), {@code POST /refresh-token}
 * (always refreshed) and {@code GET /account-info} (the provider's current profile). Over HTTP they act for
 * the session's user; from Java ({@code postern.api()}) a {@code userId} may be given instead.
 */
final class ProviderTokens {
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(5);

    private final SocialPlugin plugin;

    ProviderTokens(SocialPlugin plugin) {
        this.plugin = plugin;
    }

    private static ObjectSchema selection() {
        return Schemas.object().required("accountId", Schemas.string()).optional("userId", Schemas.string());
    }

    Endpoint getAccessToken() {
        return Endpoint.post("/get-access-token").name("getAccessToken").body(selection())
                .response(SocialResponses.TOKENS)
                .summary("Get a valid access token, refreshing it if needed").tags("Social").noStore()
                .errors("UNAUTHORIZED", "ACCOUNT_NOT_FOUND", "PROVIDER_NOT_SUPPORTED", "FAILED_TO_GET_ACCESS_TOKEN")
                .handler(this::accessToken).build();
    }

    Endpoint refreshToken() {
        return Endpoint.post("/refresh-token").name("refreshToken").body(selection())
                .response(SocialResponses.TOKENS)
                .summary("Refresh the access token of an account").tags("Social").noStore()
                .errors("UNAUTHORIZED", "ACCOUNT_NOT_FOUND", "PROVIDER_NOT_SUPPORTED", "TOKEN_REFRESH_NOT_SUPPORTED",
                        "REFRESH_TOKEN_NOT_FOUND", "FAILED_TO_REFRESH_ACCESS_TOKEN")
                .handler(this::refresh).build();
    }

    Endpoint accountInfo() {
        return Endpoint.get("/account-info").name("accountInfo").query(selection())
                .response(SocialResponses.ACCOUNT_INFO)
                .summary("The provider's profile of an account").tags("Social").noStore()
                .errors("UNAUTHORIZED", "ACCOUNT_NOT_FOUND", "PROVIDER_NOT_CONFIGURED", "ACCESS_TOKEN_NOT_FOUND",
                        "FAILED_TO_GET_USER_INFO")
                .handler(this::info).build();
    }

    private String userId(EndpointContext ctx, String given) {
        if (ctx.isHttp()) {
            return ctx.postern().sessions().require(ctx).userId();
        }
        return ctx.postern().sessions().current(ctx).map(s -> s.userId())
                .or(() -> java.util.Optional.ofNullable(given))
                .orElseThrow(() -> SocialErrorCodes.USER_ID_OR_SESSION_REQUIRED.toException(Status.BAD_REQUEST));
    }

    private Row account(Postern postern, String userId, String accountId) {
        return postern.accounts().listFor(userId).stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> SocialErrorCodes.ACCOUNT_NOT_FOUND.toException(Status.BAD_REQUEST));
    }

    private SocialProvider provider(Row account, String code, String message) {
        return plugin.provider(account.string("providerId"))
                .orElseThrow(() -> new ApiException(Status.BAD_REQUEST, code, message));
    }

    private Object accessToken(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Row account = account(postern, userId(ctx, ctx.bodyString("userId").orElse(null)),
                ctx.bodyString("accountId").orElseThrow());
        return validAccessToken(postern, account,
                provider(account, "PROVIDER_NOT_SUPPORTED", "Provider " + account.string("providerId") + " is not supported."));
    }

    /** better-auth's {@code getValidAccessToken}: the stored token, refreshed first when it is about to expire. */
    private Map<String, Object> validAccessToken(Postern postern, Row account, SocialProvider provider) {
        OAuthAccounts accounts = plugin.accounts();
        try {
            Instant expiresAt = account.instant("accessTokenExpiresAt");
            boolean expiring = expiresAt != null
                    && Duration.between(postern.config().clock().instant(), expiresAt).compareTo(REFRESH_MARGIN) < 0;
            OAuthTokens fresh = null;
            if (account.string("refreshToken") != null && expiring && provider.supportsRefresh()) {
                fresh = provider.refresh(accounts.open(postern, account.string("refreshToken")));
                store(postern, account, fresh);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accessToken", fresh != null ? fresh.accessToken()
                    : accounts.open(postern, account.string("accessToken") == null ? "" : account.string("accessToken")));
            Instant expiry = fresh != null && fresh.accessTokenExpiresAt() != null ? fresh.accessTokenExpiresAt() : expiresAt;
            if (expiry != null) {
                body.put("accessTokenExpiresAt", expiry.truncatedTo(ChronoUnit.MILLIS));
            }
            body.put("scopes", scopes(account.string("scope")));
            String idToken = fresh != null && fresh.idToken() != null ? fresh.idToken() : account.string("idToken");
            if (idToken != null) {
                body.put("idToken", idToken);
            }
            return body;
        } catch (RuntimeException e) {
            throw SocialErrorCodes.FAILED_TO_GET_ACCESS_TOKEN.toException(Status.BAD_REQUEST);
        }
    }

    private Row store(Postern postern, Row account, OAuthTokens fresh) {
        OAuthAccounts accounts = plugin.accounts();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("accessToken", accounts.seal(postern, fresh.accessToken()));
        update.put("accessTokenExpiresAt", fresh.accessTokenExpiresAt() == null ? null
                : fresh.accessTokenExpiresAt().truncatedTo(ChronoUnit.MILLIS));
        update.put("refreshToken", fresh.refreshToken() != null ? accounts.seal(postern, fresh.refreshToken())
                : account.string("refreshToken"));
        update.put("refreshTokenExpiresAt", fresh.refreshTokenExpiresAt() != null
                ? fresh.refreshTokenExpiresAt().truncatedTo(ChronoUnit.MILLIS) : account.instant("refreshTokenExpiresAt"));
        update.put("idToken", fresh.idToken() != null ? fresh.idToken() : account.string("idToken"));
        update.put("updatedAt", postern.config().clock().instant().truncatedTo(ChronoUnit.MILLIS));
        return postern.store().update(CoreSchema.ACCOUNT, Where.eq("id", account.id()), update).orElse(account);
    }

    private Object refresh(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Row account = account(postern, userId(ctx, ctx.bodyString("userId").orElse(null)),
                ctx.bodyString("accountId").orElseThrow());
        SocialProvider provider = provider(account, "PROVIDER_NOT_SUPPORTED",
                "Provider " + account.string("providerId") + " is not supported.");
        if (!provider.supportsRefresh()) {
            throw new ApiException(Status.BAD_REQUEST, "TOKEN_REFRESH_NOT_SUPPORTED",
                    "Provider " + account.string("providerId") + " does not support token refreshing.");
        }
        String stored = account.string("refreshToken");
        if (stored == null) {
            throw SocialErrorCodes.REFRESH_TOKEN_NOT_FOUND.toException(Status.BAD_REQUEST);
        }
        try {
            String refreshToken = plugin.accounts().open(postern, stored);
            OAuthTokens fresh = provider.refresh(refreshToken);
            Row updated = store(postern, account, fresh);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accessToken", fresh.accessToken());
            body.put("refreshToken", fresh.refreshToken() != null ? fresh.refreshToken() : refreshToken);
            body.put("accessTokenExpiresAt", fresh.accessTokenExpiresAt() == null ? null
                    : fresh.accessTokenExpiresAt().truncatedTo(ChronoUnit.MILLIS));
            body.put("refreshTokenExpiresAt", updated.instant("refreshTokenExpiresAt"));
            body.put("scope", updated.string("scope"));
            body.put("idToken", updated.string("idToken"));
            body.put("providerId", account.string("providerId"));
            body.put("accountId", account.id());
            body.values().removeIf(v -> v == null);
            return body;
        } catch (RuntimeException e) {
            throw SocialErrorCodes.FAILED_TO_REFRESH_ACCESS_TOKEN.toException(Status.BAD_REQUEST);
        }
    }

    private Object info(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Row account = account(postern, userId(ctx, ctx.queryString("userId").orElse(null)),
                ctx.queryString("accountId").orElseThrow());
        SocialProvider provider = provider(account, "PROVIDER_NOT_CONFIGURED",
                "Account is not associated with a configured social provider.");
        Map<String, Object> tokens = validAccessToken(postern, account, provider);
        String accessToken = (String) tokens.get("accessToken");
        if (accessToken == null || accessToken.isEmpty()) {
            throw SocialErrorCodes.ACCESS_TOKEN_NOT_FOUND.toException(Status.BAD_REQUEST);
        }
        OAuthTokens current = new OAuthTokens(null, accessToken, null, null, null, List.of(),
                (String) tokens.get("idToken"), Map.of());
        ProviderProfile profile;
        try {
            profile = provider.userInfo(current, null, null).orElse(null);
        } catch (RuntimeException e) {
            profile = null;
        }
        if (profile == null) {
            throw SocialErrorCodes.FAILED_TO_GET_USER_INFO.toException(Status.UNAUTHORIZED);
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", profile.accountId());
        user.put("name", profile.name());
        user.put("email", profile.email());
        user.put("image", profile.image());
        user.put("emailVerified", profile.emailVerified());
        user.values().removeIf(v -> v == null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", user);
        out.put("data", profile.raw());
        out.put("account", Map.of("id", account.id(), "providerId", account.string("providerId"),
                "accountId", account.string("accountId")));
        return out;
    }

    private static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
