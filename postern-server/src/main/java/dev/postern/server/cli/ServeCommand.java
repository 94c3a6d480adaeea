package dev.postern.server.cli;

import dev.postern.server.StandaloneServer;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code postern serve}: starts the server and runs until the process is told to stop. SIGTERM and
 * Ctrl-C stop it gracefully: the port closes, in-flight requests finish, then the database closes.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP server (SQLite databases are migrated automatically).")
public final class ServeCommand extends ConfiguredCommand {
    @Option(names = "--migrate",
            description = "Apply pending migrations to a PostgreSQL or MySQL database before serving.")
    private boolean migrate;

    public ServeCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    public Integer call() throws InterruptedException {
        // Looked up here, not in a static field: building the command tree must not start logging,
        // which costs a good part of a second that `postern --version` should not pay.
        Logger log = LoggerFactory.getLogger(ServeCommand.class);
        StandaloneServer server = StandaloneServer.start(settings(), env.plugins(),
                new StandaloneServer.Options(migrate, env.startedAt()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: finishing in-flight requests (up to {} s)",
                    StandaloneServer.SHUTDOWN_GRACE.toSeconds());
            try {
                server.close();
                log.info("Stopped");
            } finally {
                stopped.countDown();
            }
        }, "postern-shutdown"));
        stopped.await();
        return 0;
    }
}
