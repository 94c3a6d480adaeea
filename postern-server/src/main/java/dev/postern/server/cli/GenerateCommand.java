package dev.postern.server.cli;

import dev.postern.jdbc.DatabaseUrl;
import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.server.PosternAssembly;
import dev.postern.server.PosternVersion;
import dev.postern.server.config.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code postern generate}: the SQL that creates the whole schema, for teams that run their own
 * migration tool (Flyway, Liquibase, wrangler for D1). It never connects to a database.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the schema's SQL for a dialect without touching any database.")
public final class GenerateCommand extends ConfiguredCommand {

    @Option(names = "--dialect", paramLabel = "sqlite|postgres|mysql", converter = DialectConverter.class,
            description = "SQL dialect (default: the configured database's).")
    private Dialect dialect;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private String out;

    public GenerateCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        ServerSettings settings = settings();
        Dialect target = dialect != null ? dialect : DatabaseUrl.parse(settings.databaseUrl()).dialect();
        String sql = "-- Postern " + PosternVersion.current() + " schema for " + target.cliName()
                + " (plugins: " + PosternAssembly.describePlugins(settings, env.plugins()) + ")\n\n"
                + Migrator.generate(target, PosternAssembly.schema(settings, env.plugins()));
        if (out == null) {
            out().print(sql);
            out().flush();
            return 0;
        }
        Path file = env.resolve(out);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, sql);
        out().println("Wrote the " + target.cliName() + " schema to " + file);
        return 0;
    }

    /** Accepts the names {@link Dialect#fromCliName} knows, with picocli's usage message otherwise. */
    static final class DialectConverter implements ITypeConverter<Dialect> {
        @Override
        public Dialect convert(String value) {
            try {
                return Dialect.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected sqlite, postgres or mysql, got '" + value + "'");
            }
        }
    }
}
