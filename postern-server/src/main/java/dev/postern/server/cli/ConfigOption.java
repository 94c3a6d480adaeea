package dev.postern.server.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option, shared by every command that reads the configuration. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./postern.yaml when present). "
                    + "Environment variables win over it.")
    private String file;

    public Optional<String> file() {
        return Optional.ofNullable(file);
    }
}
