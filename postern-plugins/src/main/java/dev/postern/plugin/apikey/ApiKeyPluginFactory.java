package dev.postern.plugin.apikey;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enables {@link ApiKeyPlugin} in the standalone server ({@code POSTERN_PLUGINS=api-key}) with
 * better-auth's option names:
 * <pre>{@code
 * plugins:
 *   api-key:
 *     enableSessionForAPIKeys: true          # x-api-key authenticates requests
 *     apiKeyHeaders: [x-api-key]
 *     defaultPrefix: "pk_"
 *     enableMetadata: true
 *     storage: database                      # or secondary-storage (needs secondaryStorage.url)
 *     fallbackToDatabase: false
 *     rateLimit: { enabled: true, timeWindow: 86400000, maxRequests: 10 }    # per key; ms
 *     keyExpiration: { defaultExpiresIn: 2592000, minExpiresIn: 1, maxExpiresIn: 365 }  # s; days
 *     startingCharactersConfig: { shouldStore: true, charactersLength: 6 }
 *     permissions: { defaultPermissions: { files: [read] } }
 * }</pre>
 */
public final class ApiKeyPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return ApiKeyPlugin.ID;
    }

    @Override
    public String description() {
        return "API keys for scripts and services: create/list/update/delete, verification with permissions, "
                + "usage limits and per-key rate limits; x-api-key as a session";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        ApiKeyOptions d = ApiKeyOptions.defaults();
        PluginOptions options = PluginOptions.of(raw);
        List<String> headers = options.strings("apiKeyHeaders", d.apiKeyHeaders());
        int keyLength = options.integer("defaultKeyLength", d.defaultKeyLength());
        String prefix = options.string("defaultPrefix", null);
        int minPrefix = options.integer("minimumPrefixLength", d.minimumPrefixLength());
        int maxPrefix = options.integer("maximumPrefixLength", d.maximumPrefixLength());
        int minName = options.integer("minimumNameLength", d.minimumNameLength());
        int maxName = options.integer("maximumNameLength", d.maximumNameLength());
        boolean requireName = options.bool("requireName", false);
        boolean metadata = options.bool("enableMetadata", false);
        boolean noHashing = options.bool("disableKeyHashing", false);
        ApiKeyOptions.Storage storage = options.choice("storage", ApiKeyOptions.Storage.class, d.storage());
        boolean fallback = options.bool("fallbackToDatabase", false);
        boolean sessions = options.bool("enableSessionForAPIKeys", false);
        ApiKeyOptions.References references = options.choice("references", ApiKeyOptions.References.class, d.references());

        PluginOptions rate = options.section("rateLimit");
        ApiKeyOptions.RateLimit rateLimit = new ApiKeyOptions.RateLimit(rate.bool("enabled", true),
                rate.integer("timeWindow", (int) d.rateLimit().timeWindowMillis()),
                rate.integer("maxRequests", (int) d.rateLimit().maxRequests()));
        PluginOptions expiry = options.section("keyExpiration");
        int defaultExpiresIn = expiry.integer("defaultExpiresIn", 0);
        ApiKeyOptions.KeyExpiration keyExpiration = new ApiKeyOptions.KeyExpiration(
                defaultExpiresIn == 0 ? null : (long) defaultExpiresIn,
                expiry.bool("disableCustomExpiresTime", false),
                expiry.integer("minExpiresIn", (int) d.keyExpiration().minExpiresIn()),
                expiry.integer("maxExpiresIn", (int) d.keyExpiration().maxExpiresIn()));
        PluginOptions start = options.section("startingCharactersConfig");
        ApiKeyOptions.StartingCharacters starting = new ApiKeyOptions.StartingCharacters(
                start.bool("shouldStore", true), start.integer("charactersLength", 6));
        PluginOptions defaults = options.section("permissions").section("defaultPermissions");
        Map<String, List<String>> defaultPermissions = new LinkedHashMap<>();
        for (String resource : defaults.keys()) {
            defaultPermissions.put(resource, defaults.strings(resource, List.of()));
        }
        options.rejectUnknown();
        return new ApiKeyPlugin(new ApiKeyOptions(headers, keyLength, prefix, minPrefix, maxPrefix, minName, maxName,
                requireName, metadata, noHashing, storage, fallback, sessions, references, rateLimit, keyExpiration,
                starting, defaultPermissions));
    }
}
