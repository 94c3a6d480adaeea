package dev.postern.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postern keys ...}: the jwt plugin's signing keys from the shell; prints its usage on its own. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the jwt plugin's signing keys.")
public final class KeysCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
