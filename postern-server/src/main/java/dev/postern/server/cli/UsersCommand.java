package dev.postern.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postern users ...}: user administration from the shell; prints its usage on its own. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage users.")
public final class UsersCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
