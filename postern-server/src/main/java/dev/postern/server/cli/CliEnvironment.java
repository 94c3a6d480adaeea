package dev.postern.server.cli;

import dev.postern.server.config.ServerSettings;
import dev.postern.server.config.SettingsLoader;
import dev.postern.server.plugins.PluginRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the commands see of the outside world: environment variables, the working directory, the
 * installed plugins and when the process started. The real one comes from the process
 * ({@link #system()}); tests build their own, so no test touches real environment variables.
 *
 * @param env environment variables
 * @param workingDir what {@code ./postern.yaml} and {@code ./data} are relative to; empty for the process's
 * @param plugins the installed plugin factories
 * @param startedAt when start-up began, for the start-up time figure; empty for the JVM's start
 */
public record CliEnvironment(Map<String, String> env, Path workingDir, PluginRegistry plugins,
                             Optional<Instant> startedAt) {

    public CliEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(workingDir, "workingDir");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The process's own environment, working directory and class path. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of(""), PluginRegistry.discover(), Optional.empty());
    }

    /** Loads and checks the configuration. */
    public ServerSettings settings(Optional<String> configFile) {
        return new SettingsLoader(env, workingDir, plugins.ids()).load(configFile);
    }

    /** A path as the user wrote it, relative to the working directory. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || workingDir.toString().isEmpty() ? p : workingDir.resolve(p).normalize();
    }

    /** {@code POSTERN_DEBUG=true}: print stack traces with error messages. */
    public boolean debug() {
        return "true".equalsIgnoreCase(env.get("POSTERN_DEBUG"));
    }
}
