package dev.postern.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code postern} command: prints its usage; the work is done by the subcommands. */
@Command(name = "postern",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = PosternVersion.class,
        description = "Self-hosted authentication server, wire-compatible with better-auth.",
        footerHeading = "%nConfiguration:%n",
        footer = {
            "  ./postern.yaml (or --config FILE), then environment variables, which win:",
            "  POSTERN_SECRET, POSTERN_ENV, POSTERN_BASE_URL, POSTERN_HOST, POSTERN_PORT,",
            "  POSTERN_DATABASE_URL, POSTERN_DATA_DIR, POSTERN_TRUSTED_ORIGINS,",
            "  POSTERN_PLUGINS, POSTERN_SMTP_HOST, POSTERN_SMTP_PORT, POSTERN_SMTP_USER,",
            "  POSTERN_SMTP_PASSWORD, POSTERN_SMTP_FROM. `postern doctor` shows the result."
        })
public final class PosternCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
