package dev.postern.server;

import dev.postern.server.cli.CliEnvironment;
import dev.postern.server.cli.CommandFailure;
import dev.postern.server.cli.DoctorCommand;
import dev.postern.server.cli.KeysCommand;
import dev.postern.server.cli.RotateKeysCommand;
import dev.postern.server.cli.Failures;
import dev.postern.server.cli.GenerateCommand;
import dev.postern.server.cli.MigrateCommand;
import dev.postern.server.cli.SecretCommand;
import dev.postern.server.cli.ServeCommand;
import dev.postern.server.cli.SetRoleCommand;
import dev.postern.server.cli.UsersCommand;
import dev.postern.server.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The command tree, built by hand so each command gets the {@link CliEnvironment} through its
 * constructor, and the one place that turns failures into messages and exit codes: bad configuration
 * prints its one line and exits 2, a failed command prints its reason and exits 1.
 */
public final class PosternCli {
    private PosternCli() {
    }

    /** Runs one command line and returns its exit code. */
    public static int run(CliEnvironment env, String... args) {
        return commandLine(env).execute(args);
    }

    public static CommandLine commandLine(CliEnvironment env) {
        CommandLine users = new CommandLine(new UsersCommand())
                .addSubcommand("set-role", new SetRoleCommand(env));
        CommandLine keys = new CommandLine(new KeysCommand())
                .addSubcommand("rotate", new RotateKeysCommand(env));
        CommandLine root = new CommandLine(new PosternCommand())
                .addSubcommand("serve", new ServeCommand(env))
                .addSubcommand("migrate", new MigrateCommand(env))
                .addSubcommand("generate", new GenerateCommand(env))
                .addSubcommand("secret", new SecretCommand())
                .addSubcommand("doctor", new DoctorCommand(env))
                .addSubcommand("users", users)
                .addSubcommand("keys", keys);
        root.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd, parsed, env));
        return root;
    }

    private static int report(Exception e, CommandLine cmd, ParseResult parsed, CliEnvironment env) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ConfigException) {
            err.println(e.getMessage());
            err.flush();
            return ConfigException.EXIT_CODE;
        }
        if (e instanceof CommandFailure) {
            err.println(e.getMessage());
            err.flush();
            return CommandFailure.EXIT_CODE;
        }
        err.println(cmd.getCommandName() + ": " + Failures.describe(e));
        if (env.debug()) {
            e.printStackTrace(err);
        } else {
            err.println("(set POSTERN_DEBUG=true for the stack trace)");
        }
        err.flush();
        return 1;
    }
}
