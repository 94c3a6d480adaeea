package dev.postern.server.cli;

import dev.postern.Postern;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.plugin.jwt.JwtPlugin;
import dev.postern.plugin.jwt.StoredKey;
import dev.postern.server.PosternAssembly;
import dev.postern.server.ServerDatabases;
import dev.postern.server.config.SecretResolver;
import dev.postern.server.config.ServerSettings;
import dev.postern.store.StoreException;
import java.time.Duration;
import picocli.CommandLine.Command;

/**
 * {@code postern keys rotate}: a new signing key for the jwt plugin, written to the {@code jwks} table of
 * the configured database; the keys in use expire now and stay published for {@code jwks.gracePeriod}.
 * Running servers need no restart: they read the table again within {@code jwks.keyCacheTtl} (30 s by
 * default) and start signing with the new key, and they accept its tokens at once.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = "Rotate the jwt plugin's signing key: new tokens use a new key; old keys stay in the "
                + "JWKS for the grace period. Running servers pick it up within jwks.keyCacheTtl.")
public final class RotateKeysCommand extends ConfiguredCommand {

    public RotateKeysCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    public Integer call() {
        ServerSettings settings = settings();
        // The private key is encrypted with the server's secret, so only that secret will do.
        String secret = SecretResolver.resolve(settings).map(SecretResolver.Resolved::value).orElseThrow(() ->
                new CommandFailure("No secret configured (POSTERN_SECRET, or the development secret file of a "
                        + "server that has run): the new private key must be encrypted with the server's secret."));
        try (JdbcStoreProvider database = ServerDatabases.open(settings.databaseUrl());
             Postern postern = Postern.create(PosternAssembly.config(settings, env.plugins().create(settings),
                     database, secret))) {
            JwtPlugin jwt = postern.plugin(JwtPlugin.class).orElseThrow(() -> new CommandFailure(
                    "The jwt plugin is not enabled: add it to POSTERN_PLUGINS (or plugins: in postern.yaml)."));
            StoredKey key;
            try {
                key = jwt.rotateKeys();
            } catch (StoreException e) {
                throw new CommandFailure("Could not write the jwks table of " + database.describe()
                        + " (run `postern migrate` first?): " + e.getMessage());
            }
            Duration grace = jwt.options().gracePeriod();
            out().println("New signing key " + key.id() + " (" + key.alg().orElse("?") + ") in "
                    + database.describe() + "; previous keys stay in the JWKS for " + grace.toSeconds()
                    + " s. Running servers sign with it within " + jwt.options().keyCacheTtl().toSeconds() + " s.");
            out().flush();
            return 0;
        }
    }
}
