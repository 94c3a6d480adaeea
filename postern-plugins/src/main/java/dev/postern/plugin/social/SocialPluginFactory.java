package dev.postern.plugin.social;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import dev.postern.plugin.social.providers.BuiltInProviders;
import dev.postern.plugin.social.providers.GenericOAuthConfig;
import dev.postern.plugin.social.providers.GenericOAuthProvider;
import dev.postern.plugin.social.providers.ProviderEndpoints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Enables {@link SocialPlugin} in the standalone server; it is always on, as better-auth's social routes
 * are. Providers come from {@code postern.yaml} and from the environment (the environment wins):
 * <pre>{@code
 * plugins:
 *   social:
 *     socialProviders:
 *       google: { clientId: ..., clientSecret: ..., scope: [..], disableImplicitSignUp: false }
 *       github: { clientId: ..., clientSecret: ... }
 *     genericOAuth:
 *       acme-sso: { discoveryUrl: https://sso.acme.test/.well-known/openid-configuration,
 *                   clientId: ..., clientSecret: ..., scopes: [email, profile] }
 *     account:
 *       encryptOAuthTokens: false
 *       updateAccountOnSignIn: true
 *       storeStateStrategy: database        # or cookie
 *       accountLinking: { enabled: true, trustedProviders: [google], disableImplicitLinking: false,
 *                         requireLocalEmailVerified: true, allowDifferentEmails: false }
 * }</pre>
 * Environment: {@code POSTERN_<PROVIDER>_CLIENT_ID} and {@code _CLIENT_SECRET} enable a built-in provider
 * ({@code POSTERN_GITHUB_CLIENT_ID}); {@code POSTERN_OAUTH_<ID>_DISCOVERY_URL}, {@code _CLIENT_ID},
 * {@code _CLIENT_SECRET} and {@code _SCOPES} (space or comma list) declare a generic provider, {@code <ID>}
 * being its id upper-cased with {@code -} written {@code _} ({@code POSTERN_OAUTH_ACME_SSO_...} is
 * {@code acme-sso}).
 */
public final class SocialPluginFactory implements PluginFactory {
    private final Map<String, String> env;

    public SocialPluginFactory() {
        this(System.getenv());
    }

    /** A factory reading this environment instead of the process's (tests). */
    public SocialPluginFactory(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String id() {
        return SocialPlugin.ID;
    }

    @Override
    public String description() {
        return "Sign in with Google, GitHub, ... and any OAuth/OIDC provider; link-social, provider tokens";
    }

    @Override
    public boolean alwaysEnabled() {
        return true;
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        Map<String, Object> values = raw == null ? Map.of() : raw;
        PluginOptions options = PluginOptions.of(values);
        Clock clock = Clock.systemUTC();
        List<SocialProvider> providers = new ArrayList<>();
        Set<String> declared = new HashSet<>();

        PluginOptions social = options.section("socialProviders");
        for (String id : keys(values.get("socialProviders"))) {
            PluginOptions p = social.section(id);
            String clientId = envOr("POSTERN_" + envName(id) + "_CLIENT_ID", p.string("clientId", p.string("clientKey", null)));
            String clientSecret = envOr("POSTERN_" + envName(id) + "_CLIENT_SECRET", p.string("clientSecret", null));
            if (clientId == null) {
                throw new IllegalArgumentException("socialProviders." + id + ": clientId is required");
            }
            ProviderSettings settings = settings(p, clientId, clientSecret);
            ProviderEndpoints endpoints = new ProviderEndpoints(p.string("authorizationEndpoint", null),
                    p.string("tokenEndpoint", null), p.string("userInfoEndpoint", null), p.string("jwksEndpoint", null),
                    p.string("issuer", null));
            providers.add(BuiltInProviders.create(id, settings, endpoints, p, clock));
            declared.add(id);
        }
        for (String id : BuiltInProviders.ids()) {
            String clientId = env.get("POSTERN_" + envName(id) + "_CLIENT_ID");
            String clientSecret = env.get("POSTERN_" + envName(id) + "_CLIENT_SECRET");
            if (!declared.contains(id) && clientId != null && !clientId.isBlank() && clientSecret != null
                    && !clientSecret.isBlank()) {
                Map<String, Object> extra = new LinkedHashMap<>();
                String tenant = env.get("POSTERN_" + envName(id) + "_TENANT_ID");
                if (tenant != null && !tenant.isBlank()) {
                    extra.put("tenantId", tenant);
                }
                providers.add(BuiltInProviders.create(id, ProviderSettings.of(clientId, clientSecret),
                        ProviderEndpoints.DEFAULTS, PluginOptions.of(extra), clock));
                declared.add(id);
            }
        }

        PluginOptions generic = options.section("genericOAuth");
        for (String id : keys(values.get("genericOAuth"))) {
            PluginOptions g = generic.section(id);
            String prefix = "POSTERN_OAUTH_" + envName(id) + "_";
            String clientId = envOr(prefix + "CLIENT_ID", g.string("clientId", null));
            if (clientId == null) {
                throw new IllegalArgumentException("genericOAuth." + id + ": clientId is required");
            }
            ProviderSettings settings = settings(g, clientId, envOr(prefix + "CLIENT_SECRET", g.string("clientSecret", null)));
            String scopes = env.get(prefix + "SCOPES");
            settings = settings.withScope(scopes != null ? splitScopes(scopes) : g.strings("scopes"));
            Map<String, String> params = new LinkedHashMap<>();
            PluginOptions paramSection = g.section("authorizationUrlParams");
            Object rawGeneric = ((Map<?, ?>) values.get("genericOAuth")).get(id);
            Object rawParams = rawGeneric instanceof Map<?, ?> m ? m.get("authorizationUrlParams") : null;
            for (String key : keys(rawParams)) {
                params.put(key, paramSection.string(key, ""));
            }
            Map<String, String> mapping = new LinkedHashMap<>();
            PluginOptions mappingSection = g.section("mapProfileToUser");
            Object rawMapping = rawGeneric instanceof Map<?, ?> m ? m.get("mapProfileToUser") : null;
            for (String key : keys(rawMapping)) {
                mapping.put(key, mappingSection.string(key, key));
            }
            String authentication = g.string("authentication", "post");
            GenericOAuthConfig config = new GenericOAuthConfig(id, envOr(prefix + "DISCOVERY_URL", g.string("discoveryUrl", null)),
                    g.string("authorizationUrl", null), g.string("tokenUrl", null), g.string("userInfoUrl", null), settings,
                    g.bool("pkce", true), params,
                    authentication.equalsIgnoreCase("basic") ? OAuthHttp.ClientAuth.BASIC : OAuthHttp.ClientAuth.POST, mapping);
            providers.add(new GenericOAuthProvider(config, clock));
            declared.add(id);
        }
        for (String id : genericIdsFromEnv()) {
            if (declared.contains(id)) {
                continue;
            }
            String prefix = "POSTERN_OAUTH_" + envName(id) + "_";
            String clientId = env.get(prefix + "CLIENT_ID");
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException(prefix + "DISCOVERY_URL is set but " + prefix + "CLIENT_ID is not");
            }
            providers.add(new GenericOAuthProvider(GenericOAuthConfig.discovery(id, env.get(prefix + "DISCOVERY_URL"),
                    clientId, env.get(prefix + "CLIENT_SECRET"), splitScopes(env.getOrDefault(prefix + "SCOPES", ""))), clock));
            declared.add(id);
        }

        PluginOptions account = options.section("account");
        PluginOptions linking = account.section("accountLinking");
        SocialOptions.AccountLinking defaults = SocialOptions.AccountLinking.defaults();
        SocialOptions.AccountLinking accountLinking = new SocialOptions.AccountLinking(
                linking.bool("enabled", defaults.enabled()),
                Set.copyOf(linking.strings("trustedProviders")),
                linking.bool("disableImplicitLinking", defaults.disableImplicitLinking()),
                linking.bool("requireLocalEmailVerified", defaults.requireLocalEmailVerified()),
                linking.bool("allowDifferentEmails", defaults.allowDifferentEmails()),
                linking.bool("updateUserInfoOnLink", defaults.updateUserInfoOnLink()));
        SocialOptions result = new SocialOptions(providers, accountLinking,
                account.bool("encryptOAuthTokens", false),
                account.bool("updateAccountOnSignIn", true),
                account.choice("storeStateStrategy", SocialOptions.StateStrategy.class, SocialOptions.StateStrategy.DATABASE),
                account.bool("skipStateCookieCheck", false));
        options.rejectUnknown();
        return new SocialPlugin(result);
    }

    private static ProviderSettings settings(PluginOptions p, String clientId, String clientSecret) {
        return new ProviderSettings(clientId, clientSecret, p.strings("scope"), p.bool("disableDefaultScope", false),
                p.string("redirectURI", null), p.bool("disableSignUp", false), p.bool("disableImplicitSignUp", false),
                p.bool("overrideUserInfoOnSignIn", p.bool("overrideUserInfo", false)), p.bool("disableIdTokenSignIn", false));
    }

    /** {@code acme-sso} → {@code ACME_SSO}. */
    static String envName(String id) {
        return id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private List<String> genericIdsFromEnv() {
        List<String> ids = new ArrayList<>();
        for (String key : env.keySet()) {
            if (key.startsWith("POSTERN_OAUTH_") && key.endsWith("_DISCOVERY_URL")) {
                String name = key.substring("POSTERN_OAUTH_".length(), key.length() - "_DISCOVERY_URL".length());
                if (!name.isEmpty()) {
                    ids.add(name.toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    private String envOr(String key, String fallback) {
        String value = env.get(key);
        return value != null && !value.isBlank() ? value : fallback;
    }

    static List<String> splitScopes(String scopes) {
        return java.util.Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> keys(Object section) {
        List<String> keys = new ArrayList<>();
        if (section instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        return keys;
    }
}
