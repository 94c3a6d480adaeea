package dev.postern.server.cli;

import dev.postern.server.config.Secrets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postern secret}: prints a fresh secret for {@code POSTERN_SECRET}. */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Print a fresh random secret (32 bytes, base64url) for POSTERN_SECRET.")
public final class SecretCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Secrets.generate());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
