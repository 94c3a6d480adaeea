package dev.postern.plugin.social.providers;

import dev.postern.plugin.options.PluginOptions;
import dev.postern.plugin.social.ProviderSettings;
import dev.postern.plugin.social.SocialProvider;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The built-in providers by id, for configuration from {@code postern.yaml} and the environment. */
public final class BuiltInProviders {
    private BuiltInProviders() {
    }

    /** The ids of the built-in providers. */
    public static List<String> ids() {
        return List.of("google", "github", "microsoft", "apple", "discord", "gitlab", "spotify", "twitch", "linkedin",
                "slack", "huggingface", "figma", "atlassian", "kick", "notion", "vercel", "polar", "railway", "roblox", "twitter", "reddit", "kakao", "naver", "zoom", "dropbox", "linear", "line", "cognito", "tiktok", "facebook", "vk", "salesforce", "paypal", "patreon", "wechat");
    }

    /**
     * A built-in provider.
     *
     * @param extra the provider's own options from its {@code postern.yaml} section (Microsoft's
     *     {@code tenantId}, {@code authority}, {@code disableProfilePhoto}, {@code profilePhotoSize}; Apple's
     *     {@code teamId}, {@code keyId}, {@code privateKey}, {@code appBundleIdentifier}; Reddit's {@code duration}; Zoom's
     *     {@code pkce}; Dropbox's {@code accessType}; Cognito's {@code domain}, {@code region},
     *     {@code userPoolId}; Salesforce's {@code environment}, {@code loginUrl}; PayPal's {@code environment}; WeChat's {@code lang}); every key is read here,
     *     so the caller can refuse unknown ones afterwards
     */
    public static SocialProvider create(String id, ProviderSettings settings, ProviderEndpoints endpoints,
            PluginOptions extra, Clock clock) {
        return switch (id) {
            case "google" -> new GoogleProvider(settings, endpoints, clock);
            case "github" -> new GitHubProvider(settings, endpoints, clock);
            case "discord" -> new DiscordProvider(settings, endpoints, clock);
            case "gitlab" -> new GitLabProvider(settings, endpoints, clock);
            case "spotify" -> new SpotifyProvider(settings, endpoints, clock);
            case "twitch" -> new TwitchProvider(settings, endpoints, clock);
            case "linkedin" -> new LinkedInProvider(settings, endpoints, clock);
            case "slack" -> new SlackProvider(settings, endpoints, clock);
            case "huggingface" -> new HuggingFaceProvider(settings, endpoints, clock);
            case "figma" -> new FigmaProvider(settings, endpoints, clock);
            case "atlassian" -> new AtlassianProvider(settings, endpoints, clock);
            case "kick" -> new KickProvider(settings, endpoints, clock);
            case "notion" -> new NotionProvider(settings, endpoints, clock);
            case "vercel" -> new VercelProvider(settings, endpoints, clock);
            case "polar" -> new PolarProvider(settings, endpoints, clock);
            case "railway" -> new RailwayProvider(settings, endpoints, clock);
            case "roblox" -> new RobloxProvider(settings, endpoints, clock);
            case "twitter" -> new TwitterProvider(settings, endpoints, clock);
            case "reddit" -> new RedditProvider(settings, endpoints, extra.string("duration", null), clock);
            case "kakao" -> new KakaoProvider(settings, endpoints, clock);
            case "naver" -> new NaverProvider(settings, endpoints, clock);
            case "zoom" -> new ZoomProvider(settings, endpoints, extra.bool("pkce", false), clock);
            case "dropbox" -> new DropboxProvider(settings, endpoints, extra.string("accessType", null), clock);
            case "linear" -> new LinearProvider(settings, endpoints, clock);
            case "line" -> new LineProvider(settings, endpoints, clock);
            case "tiktok" -> new TikTokProvider(settings, endpoints, clock);
            case "facebook" -> new FacebookProvider(settings, endpoints, clock);
            case "vk" -> new VkProvider(settings, endpoints, clock);
            case "salesforce" -> new SalesforceProvider(settings, endpoints, extra.string("environment", null),
                    extra.string("loginUrl", null), clock);
            case "paypal" -> new PayPalProvider(settings, endpoints, extra.string("environment", null), clock);
            case "patreon" -> new PatreonProvider(settings, endpoints, clock);
            case "wechat" -> new WeChatProvider(settings, endpoints, extra.string("lang", null), clock);
            case "cognito" -> {
                String domain = extra.string("domain", null);
                // region and userPoolId name the pool's issuer; the hosted domain is what the flow needs.
                extra.string("region", null);
                extra.string("userPoolId", null);
                if (domain == null && endpoints.authorization() == null) {
                    throw new IllegalArgumentException("cognito: domain is required (the user pool's hosted UI domain)");
                }
                yield new CognitoProvider(settings, endpoints, domain, clock);
            }
            case "microsoft" -> new MicrosoftProvider(settings, endpoints, extra.string("tenantId", null),
                    extra.string("authority", null), extra.bool("disableProfilePhoto", false),
                    extra.integer("profilePhotoSize", 48), clock);
            case "apple" -> {
                String teamId = extra.string("teamId", null);
                String keyId = extra.string("keyId", null);
                String privateKey = extra.string("privateKey", null);
                AppleProvider.SecretKey key = teamId != null && keyId != null && privateKey != null
                        ? new AppleProvider.SecretKey(teamId, keyId, privateKey) : null;
                yield new AppleProvider(settings, endpoints, key, extra.string("appBundleIdentifier", null), clock);
            }
            default -> throw new IllegalArgumentException("unknown social provider \"" + id + "\"; built in: " + ids()
                    + " (declare any other OAuth/OIDC provider under genericOAuth)");
        };
    }

    /** {@link #create(String, ProviderSettings, ProviderEndpoints, PluginOptions, Clock)} with no extra options. */
    public static SocialProvider create(String id, ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        return create(id, settings, endpoints, PluginOptions.of(Map.of()), clock);
    }
}
