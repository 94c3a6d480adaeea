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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The command tree, built by hand so each command gets the {@link CliEnvironment} through its
 * constructor, and the one place that turns failures into messages and exit codes: bad configuration
 * prints its one line and exits 2, a failed command prints its reason and exits 1.
 */
public final class PosternCli {
    /** The subcommands by name, in the order help lists them. */
    private static final Map<String, Function<CliEnvironment, Object>> SUBCOMMANDS = subcommands();

    private PosternCli() {
    }

    private static Map<String, Function<CliEnvironment, Object>> subcommands() {
        Map<String, Function<CliEnvironment, Object>> commands = new LinkedHashMap<>();
        commands.put("serve", ServeCommand::new);
        commands.put("migrate", MigrateCommand::new);
        commands.put("generate", GenerateCommand::new);
        commands.put("secret", env -> new SecretCommand());
        commands.put("doctor", DoctorCommand::new);
        commands.put("users", env -> new CommandLine(new UsersCommand())
                .addSubcommand("set-role", new SetRoleCommand(env)));
        commands.put("keys", env -> new CommandLine(new KeysCommand())
                .addSubcommand("rotate", new RotateKeysCommand(env)));
        return Collections.unmodifiableMap(commands);
    }

    /** Runs one command line and returns its exit code. */
    public static int run(CliEnvironment env, String... args) {
        return commandLine(env, args).execute(args);
    }

    /**
     * The command tree for running {@code args}. picocli builds each command's model by reflection when
     * it is added, which cost about a tenth of {@code postern serve}'s start-up for the commands not run:
     * when the first argument names a subcommand, only that one is added. Anything else ({@code --help},
     * a mistyped command, which picocli answers with suggestions) gets the whole tree.
     */
    public static CommandLine commandLine(CliEnvironment env, String... args) {
        String wanted = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        CommandLine root = new CommandLine(new PosternCommand());
        SUBCOMMANDS.forEach((name, create) -> {
            if (wanted == null || wanted.equals(name)) {
                root.addSubcommand(name, create.apply(env));
            }
        });
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
