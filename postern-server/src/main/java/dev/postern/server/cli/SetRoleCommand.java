package dev.postern.server.cli;

import dev.postern.Postern;
import dev.postern.jdbc.DatabaseUrl;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.schema.CoreSchema;
import dev.postern.server.PosternAssembly;
import dev.postern.server.ServerDatabases;
import dev.postern.server.config.SecretResolver;
import dev.postern.server.config.ServerSettings;
import dev.postern.store.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code postern users set-role <email> <role>}: the way to make the first admin, before any admin
 * exists to do it over HTTP. It writes through the store of a full instance, so plugins' database
 * hooks see the change as they would any other update.
 */
@Command(name = "set-role", mixinStandardHelpOptions = true,
        description = "Set the role of the user with this e-mail (needs the admin plugin), "
                + "e.g. to bootstrap the first admin.")
public final class SetRoleCommand extends ConfiguredCommand {
    /** Stands in when no secret exists yet: this command signs and encrypts nothing. */
    private static final String UNUSED_SECRET = "set-role-signs-nothing-so-any-secret-will-do";

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The user's e-mail address.")
    private String email;

    @Parameters(index = "1", paramLabel = "ROLE", description = "The role, e.g. admin (comma-separate several).")
    private String role;

    public SetRoleCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    public Integer call() {
        ServerSettings settings = settings();
        boolean hasRole = PosternAssembly.schema(settings, env.plugins())
                .require(CoreSchema.USER).field("role").isPresent();
        if (!hasRole) {
            throw new CommandFailure("The user table has no \"role\" field: enable the admin plugin "
                    + "(POSTERN_PLUGINS=admin) to give users roles.");
        }
        String address = email.trim().toLowerCase(Locale.ROOT);
        String newRole = role.trim();
        if (newRole.isEmpty()) {
            throw new CommandFailure("ROLE must not be empty.");
        }
        Path sqliteFile = DatabaseUrl.parse(settings.databaseUrl()).sqliteFile();
        if (sqliteFile != null && !Files.exists(sqliteFile)) {
            throw new CommandFailure("There is no database at " + sqliteFile + " yet: start the server "
                    + "(`postern serve`), sign the user up, then set the role.");
        }
        String secret = SecretResolver.resolve(settings).map(SecretResolver.Resolved::value).orElse(UNUSED_SECRET);
        try (JdbcStoreProvider database = ServerDatabases.open(settings.databaseUrl());
             Postern postern = Postern.create(PosternAssembly.config(settings,
                     env.plugins().create(settings), database, secret))) {
            // Through the user service: with sessions in Redis, the copy of the user kept with each session
            // gets the new role too, so the change applies to sessions already signed in.
            Optional<Row> updated = postern.users().findByEmail(address)
                    .flatMap(user -> postern.users().update(user.id(), Map.of("role", newRole)));
            if (updated.isEmpty()) {
                throw new CommandFailure("No user with e-mail " + address + " in " + database.describe() + ".");
            }
            out().println("Role of " + address + " is now \"" + newRole + "\".");
            out().flush();
            return 0;
        }
    }
}
