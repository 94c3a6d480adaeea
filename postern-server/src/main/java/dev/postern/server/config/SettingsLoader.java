package dev.postern.server.config;

import dev.postern.server.config.ConfigSource.Value;
import dev.postern.server.config.ServerSettings.Mode;
import dev.postern.smtp.SmtpSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link ServerSettings} from {@code postern.yaml} and environment variables, the environment
 * winning. Every value is checked here, so a bad one stops start-up with one line that names the key
 * it came from and what to write instead.
 *
 * <p>The environment and the working directory are given, not read from the process, so tests and
 * embedders decide what the server sees.
 */
public final class SettingsLoader {
    public static final String DEFAULT_CONFIG_FILE = "postern.yaml";
    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final String DEFAULT_DATA_DIR = "./data";
    static final String DATABASE_FILE = "postern.db";

    private final Map<String, String> env;
    private final Path workingDir;
    private final Set<String> knownPlugins;

    /**
     * @param env the environment variables to read ({@code System.getenv()} in production)
     * @param workingDir what relative paths are resolved against; the empty path for the process's own
     * @param knownPlugins the ids of the installed plugins; any other id is refused
     */
    public SettingsLoader(Map<String, String> env, Path workingDir, Collection<String> knownPlugins) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
        this.knownPlugins = new TreeSet<>(knownPlugins);
    }

    /**
     * Reads and checks everything.
     *
     * @param configFile the {@code --config} option; without it {@code ./postern.yaml} is read when present
     * @throws ConfigException naming the first bad setting
     */
    public ServerSettings load(Optional<String> configFile) {
        Optional<Path> file = configFile(configFile);
        Map<String, Object> yaml = file.map(YamlConfigFile::read).orElse(Map.of());
        String yamlName = file.map(f -> f.getFileName().toString()).orElse(DEFAULT_CONFIG_FILE);
        ConfigSource source = new ConfigSource(env, yaml, yamlName);

        Mode mode = source.get("env", "POSTERN_ENV", "env").map(SettingsLoader::mode).orElse(Mode.DEVELOPMENT);
        int port = source.get("port", "POSTERN_PORT", "port").map(SettingsLoader::port).orElse(DEFAULT_PORT);
        String host = source.get("host", "POSTERN_HOST", "host").map(Value::text).orElse(DEFAULT_HOST);
        String baseUrl = source.get("baseUrl", "POSTERN_BASE_URL", "baseUrl").map(SettingsLoader::baseUrl)
                .orElse("http://localhost:" + port);
        Path dataDir = resolve(source.get("dataDir", "POSTERN_DATA_DIR", "dataDir").map(Value::text)
                .orElse(DEFAULT_DATA_DIR));
        String databaseUrl = source.get("databaseUrl", "POSTERN_DATABASE_URL", "databaseUrl")
                .map(SettingsLoader::databaseUrl)
                .orElse("sqlite:" + dataDir.resolve(DATABASE_FILE));
        Optional<String> secrets = secrets(source, mode);
        Optional<String> secret = secrets.isPresent() ? optionalSecret(source) : secret(source, mode);
        List<String> origins = source.get("trustedOrigins", "POSTERN_TRUSTED_ORIGINS", "trustedOrigins")
                .map(SettingValues::list).orElse(List.of());
        Optional<Value> pluginList = source.get("plugins", "POSTERN_PLUGINS", "plugins");
        List<String> plugins = pluginList.map(this::pluginIds).orElse(List.of());
        Map<String, Map<String, Object>> pluginOptions = pluginOptions(source, plugins);
        Optional<SmtpSettings> smtp = SmtpSettingsReader.read(source);
        EngineSettings engine = EngineSettingsReader.read(source, this::resolve);
        return new ServerSettings(mode, baseUrl, host, port, databaseUrl, dataDir, secret, origins, plugins,
                pluginOptions, smtp, engine, secrets, file, new LinkedHashMap<>(source.sources()));
    }

    private Optional<Path> configFile(Optional<String> option) {
        if (option.isPresent()) {
            Path path = resolve(option.get());
            if (!Files.isRegularFile(path)) {
                throw ConfigException.of("--config", "file not found: " + path);
            }
            return Optional.of(path);
        }
        Path fallback = resolve("./" + DEFAULT_CONFIG_FILE);
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        if (p.isAbsolute() || workingDir.toString().isEmpty()) {
            return p;
        }
        return workingDir.resolve(p).normalize();
    }

    private static Mode mode(Value value) {
        return switch (value.text().toLowerCase(java.util.Locale.ROOT)) {
            case "production" -> Mode.PRODUCTION;
            case "development", "test" -> Mode.DEVELOPMENT;
            default -> throw ConfigException.of(value.key(),
                    "expected \"development\" or \"production\", got \"" + value.text() + "\"");
        };
    }

    static int port(Value value) {
        try {
            int port = value.raw() instanceof Number n ? n.intValue() : Integer.parseInt(value.text());
            if (port >= 1 && port <= 65535 && !(value.raw() instanceof Double)) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same message as an out-of-range number.
        }
        throw ConfigException.of(value.key(), "expected a port number 1-65535, got \"" + value.text() + "\"");
    }

    private static String baseUrl(Value value) {
        String text = value.text();
        java.net.URI uri;
        try {
            uri = java.net.URI.create(text);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw ConfigException.of(value.key(),
                    "expected a URL like https://auth.example.com or http://localhost:3000, got \"" + text + "\"");
        }
        return text;
    }

    private static String databaseUrl(Value value) {
        try {
            dev.postern.jdbc.DatabaseUrl.parse(value.text());
            return value.text();
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(value.key(), e.getMessage());
        }
    }

    /** A plain {@code POSTERN_SECRET} beside {@code POSTERN_SECRETS} is the legacy secret, as in better-auth. */
    private static Optional<String> optionalSecret(ConfigSource source) {
        return source.get("secret", "POSTERN_SECRET", "secret").map(Value::text);
    }

    /**
     * Versioned secrets for rotation ({@code POSTERN_SECRETS="2:new,1:old"}, current first), checked here so
     * a typo stops start-up with one line; in production the current one must be strong.
     */
    private static Optional<String> secrets(ConfigSource source, Mode mode) {
        Optional<Value> value = source.get("secrets", "POSTERN_SECRETS", "secrets");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        java.util.List<dev.postern.crypto.VersionedSecret> ring;
        try {
            ring = dev.postern.crypto.SecretRing.parse(value.get().text());
        } catch (IllegalArgumentException e) {
            throw ConfigException.of(value.get().key(), e.getMessage().replaceFirst("^secrets: ", ""));
        }
        int currentLength = ring.get(0).secret().byteLength();
        if (mode == Mode.PRODUCTION && currentLength < Secrets.MIN_LENGTH) {
            throw ConfigException.of(value.get().key(), "the current (first) secret must be at least "
                    + Secrets.MIN_LENGTH + " characters in production, got " + currentLength
                    + "; generate one with `postern secret`");
        }
        return Optional.of(value.get().text());
    }

    private static Optional<String> secret(ConfigSource source, Mode mode) {
        Optional<Value> secret = source.get("secret", "POSTERN_SECRET", "secret");
        if (mode != Mode.PRODUCTION) {
            return secret.map(Value::text);
        }
        if (secret.isEmpty()) {
            throw ConfigException.of("POSTERN_SECRET",
                    "required in production (POSTERN_ENV=production); generate one with `postern secret`");
        }
        String value = secret.get().text();
        if (value.length() < Secrets.MIN_LENGTH) {
            throw ConfigException.of(secret.get().key(), "must be at least " + Secrets.MIN_LENGTH
                    + " characters in production, got " + value.length() + "; generate one with `postern secret`");
        }
        return Optional.of(value);
    }

    private List<String> pluginIds(Value value) {
        List<String> ids = value.raw() instanceof Map<?, ?> map
                ? map.keySet().stream().map(Object::toString).toList()
                : SettingValues.list(value);
        for (String id : ids) {
            if (!knownPlugins.contains(id)) {
                throw ConfigException.of(value.key(), "unknown plugin \"" + id + "\". Known plugins: "
                        + (knownPlugins.isEmpty() ? "none are installed" : String.join(", ", knownPlugins)));
            }
        }
        return ids.stream().distinct().toList();
    }

    private static final String ADMIN_PLUGIN = "admin";

    // Options live only in the YAML file, even when POSTERN_PLUGINS picks which plugins are on, except
    // POSTERN_ADMIN_EMAILS (the admin plugin's adminEmails), so the first admin takes no file at all.
    private static Map<String, Map<String, Object>> pluginOptions(ConfigSource source, List<String> enabled) {
        Map<String, Map<String, Object>> options = new LinkedHashMap<>();
        for (String id : enabled) {
            source.fromYaml("plugins." + id, "plugins." + id).ifPresent(value -> {
                if (!(value.raw() instanceof Map<?, ?> map)) {
                    throw ConfigException.of(value.key(), "expected the plugin's options as key: value pairs");
                }
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(k.toString(), v));
                options.put(id, copy);
            });
        }
        // The bootstrap admin addresses may come from the environment, which wins as for every setting.
        if (enabled.contains(ADMIN_PLUGIN)) {
            source.get("plugins.admin.adminEmails", "POSTERN_ADMIN_EMAILS", "plugins.admin.adminEmails")
                    .ifPresent(value -> options.computeIfAbsent(ADMIN_PLUGIN, id -> new LinkedHashMap<>())
                            .put("adminEmails", value.raw()));
        }
        return options;
    }
}
