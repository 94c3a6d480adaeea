package dev.postern.server;

import dev.postern.server.cli.CliEnvironment;

/** The entry point of {@code postern-server.jar}; see {@link PosternCli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(PosternCli.run(CliEnvironment.system(), args));
    }
}
