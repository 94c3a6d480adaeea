package dev.postern.server.config;

import dev.postern.smtp.SmtpSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The standalone server's configuration after {@code postern.yaml} and the environment have been merged
 * and checked: every value here is valid. Made by {@link SettingsLoader}.
 *
 * @param mode development (generated secret allowed) or production (strict)
 * @param baseUrl the public URL, {@code http://localhost:3000} unless configured
 * @param host the address to listen on
 * @param port the port to listen on
 * @param databaseUrl the database as configured ({@code sqlite:./data/postern.db} or a JDBC URL)
 * @param dataDir where the embedded database and the generated development secret live
 * @param secret the configured secret; empty in development means one is generated (see {@link SecretResolver})
 * @param trustedOrigins origins allowed besides the base URL's own
 * @param plugins the enabled plugin ids, in configuration order, all known to the plugin registry
 * @param pluginOptions each plugin's section of {@code postern.yaml}, empty when it has none
 * @param smtp the mail relay, if configured
 * @param engine rate limiting, client IP and cookie-cache settings; empty fields keep the engine's defaults
 * @param secrets versioned secrets for rotation ({@code 2:new,1:old}), already checked; empty when not set
 * @param configFile the YAML file read, if any
 * @param sources for each setting, where its value came from: an environment variable, the YAML file, or
 *     {@code default}; for {@code doctor} and for naming the key in later error messages
 */
public record ServerSettings(
        Mode mode,
        String baseUrl,
        String host,
        int port,
        String databaseUrl,
        Path dataDir,
        Optional<String> secret,
        List<String> trustedOrigins,
        List<String> plugins,
        Map<String, Map<String, Object>> pluginOptions,
        Optional<SmtpSettings> smtp,
        EngineSettings engine,
        Optional<String> secrets,
        Optional<Path> configFile,
        Map<String, String> sources) {

    public ServerSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(engine, "engine");
        trustedOrigins = List.copyOf(trustedOrigins);
        plugins = List.copyOf(plugins);
        pluginOptions = Map.copyOf(pluginOptions);
        sources = Map.copyOf(sources);
    }

    /** How strict start-up is. */
    public enum Mode {
        DEVELOPMENT, PRODUCTION;

        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean production() {
        return mode == Mode.PRODUCTION;
    }

    /** Where a setting came from: {@code POSTERN_PORT}, {@code postern.yaml} or {@code default}. */
    public String source(String setting) {
        return sources.getOrDefault(setting, "default");
    }

    /**
     * How to name a setting in a message: {@code port (postern.yaml)} when the file set it, otherwise
     * the environment variable, which is also what to set when nothing did.
     */
    public String keyOf(String setting, String envName) {
        String source = source(setting);
        return source.equals("default") || source.equals(envName) ? envName : setting + " (" + source + ")";
    }

    /** The options of one enabled plugin; empty when {@code postern.yaml} has no section for it. */
    public Map<String, Object> optionsOf(String pluginId) {
        return pluginOptions.getOrDefault(pluginId, Map.of());
    }

    /** Every field but the secret, which shows only masked; the SMTP settings mask their own password. */
    @Override
    public String toString() {
        return "ServerSettings[mode=" + mode + ", baseUrl=" + baseUrl + ", host=" + host + ", port=" + port
                + ", databaseUrl=" + dev.postern.jdbc.DatabaseUrl.parse(databaseUrl).masked() + ", dataDir=" + dataDir
                + ", secret=" + secret.map(Secrets::mask).orElse("(not set)")
                + ", secrets=" + secrets.map(v -> dev.postern.crypto.SecretRing.versioned(
                        dev.postern.crypto.SecretRing.parse(v), Optional.empty()).toString()).orElse("(not set)") + ", trustedOrigins=" + trustedOrigins
                + ", plugins=" + plugins + ", smtp=" + smtp + ", configFile=" + configFile + "]";
    }
}
