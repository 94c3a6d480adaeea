package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.AuthorizationRequest;
import dev.postern.plugin.social.OAuthException;
import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WeChat (website QR login), as better-auth's {@code wechat()}: the app is named by {@code appid}, scope
 * {@code snsapi_login}, {@code lang} ({@code cn}), the {@code #wechat_redirect} fragment; the code is exchanged
 * by a GET with {@code appid} and {@code secret}, and the user read from {@code /sns/userinfo} with the
 * {@code openid} that came with the token. The account id is the {@code unionid} when there is one, else the
 * {@code openid}; WeChat gives no address, so the user gets {@code <id>@wechat.invalid}.
 */
public final class WeChatProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://open.weixin.qq.com/connect/qrconnect",
            "https://api.weixin.qq.com/sns/oauth2/access_token", "https://api.weixin.qq.com/sns/userinfo", null, null);

    private final String lang;

    public WeChatProvider(ProviderSettings settings, ProviderEndpoints endpoints, String lang, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
        this.lang = lang == null ? "cn" : lang;
    }

    @Override
    public String id() {
        return "wechat";
    }

    @Override
    public String name() {
        return "WeChat";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("snsapi_login");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create(appNamedAuthorizationUrl("appid", request, Map.of("lang", lang)) + "#wechat_redirect");
    }

    @Override
    public OAuthTokens exchangeCode(String code, String codeVerifier, String redirectUri, String deviceId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appid", settings.clientId());
        params.put("secret", settings.clientSecret() == null ? "" : settings.clientSecret());
        params.put("code", code);
        params.put("grant_type", "authorization_code");
        return read(OAuthHttp.getJson(URI.create(endpoints.token() + "?" + OAuthHttp.form(params)), Map.of()));
    }

    @Override
    public OAuthTokens refresh(String refreshToken) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appid", settings.clientId());
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        String url = endpoints.token().replace("/access_token", "/refresh_token");
        return read(OAuthHttp.getJson(URI.create(url + "?" + OAuthHttp.form(params)), Map.of()));
    }

    /** WeChat answers errors with 200 and an {@code errcode}; scopes are comma-separated. */
    private OAuthTokens read(Map<String, Object> data) {
        if (data.get("errcode") != null || !(data.get("access_token") instanceof String)) {
            throw new OAuthException("WeChat refused the request: " + data.get("errcode"));
        }
        OAuthTokens tokens = OAuthHttp.tokens(data, clock);
        List<String> scopes = data.get("scope") instanceof String s ? List.of(s.split(",")) : List.of();
        return new OAuthTokens("Bearer", tokens.accessToken(), tokens.refreshToken(), tokens.accessTokenExpiresAt(),
                tokens.refreshTokenExpiresAt(), scopes, null, data);
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null || !(tokens.raw().get("openid") instanceof String openid)) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("access_token", tokens.accessToken());
        params.put("openid", openid);
        params.put("lang", "zh_CN");
        Map<String, Object> profile = OAuthHttp.getJson(URI.create(endpoints.userInfo() + "?" + OAuthHttp.form(params)), Map.of());
        if (profile.get("errcode") != null) {
            return Optional.empty();
        }
        String id = UserInfoProvider.firstText(profile, openid, "unionid", "openid");
        return Optional.of(new ProviderProfile(id, UserInfoProvider.firstText(profile, id + "@wechat.invalid", "email"), false,
                ProviderProfile.text(profile, "nickname"), ProviderProfile.text(profile, "headimgurl"), profile));
    }
}
