package dev.postern.server.cli;

import dev.postern.server.config.ServerSettings;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reads the configuration: {@code --config}, the environment, and where to print. */
abstract class ConfiguredCommand implements Callable<Integer> {
    protected final CliEnvironment env;

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    ConfiguredCommand(CliEnvironment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The checked configuration; a {@link dev.postern.server.config.ConfigException} when it is bad. */
    protected ServerSettings settings() {
        return env.settings(config.file());
    }

    /** Standard output as picocli was given it, so tests can capture it. */
    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
