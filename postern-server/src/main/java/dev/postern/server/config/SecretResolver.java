package dev.postern.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which secret the server signs with. A configured secret always wins. In development, without
 * one, a secret is generated once and kept in the data folder ({@code ./data/secret}, readable by the
 * owner only), so sessions survive restarts without any set-up. Production never gets here without a
 * configured secret: {@link SettingsLoader} refuses it first.
 */
public final class SecretResolver {
    public static final String SECRET_FILE = "secret";
    private static final Logger LOG = LoggerFactory.getLogger(SecretResolver.class);

    private SecretResolver() {
    }

    /**
     * A secret and where it came from.
     *
     * @param source {@code POSTERN_SECRET}, {@code secret (postern.yaml)}, or the file it was read from
     */
    public record Resolved(String value, String source) {
        @Override
        public String toString() {
            return "Resolved[" + Secrets.mask(value) + " from " + source + "]";
        }
    }

    /** The secret to start with, generating and storing a development secret when there is none yet. */
    public static Resolved resolveOrGenerate(ServerSettings settings) {
        return resolve(settings).orElseGet(() -> generate(settings));
    }

    /** The configured or stored secret, if any; generates nothing (for {@code doctor}). */
    public static Optional<Resolved> resolve(ServerSettings settings) {
        if (settings.secrets().isPresent()) {
            // The ring's current secret signs; PosternAssembly hands the whole ring to the engine.
            String current = new String(dev.postern.crypto.SecretRing.parse(settings.secrets().get()).get(0).secret().bytes(),
                    StandardCharsets.UTF_8);
            return Optional.of(new Resolved(current, settings.source("secrets")));
        }
        if (settings.secret().isPresent()) {
            String secret = settings.secret().get();
            if (secret.length() < Secrets.MIN_LENGTH) {
                LOG.warn("{} is only {} characters; production requires at least {}. "
                        + "Generate one with `postern secret`.",
                        settings.source("secret"), secret.length(), Secrets.MIN_LENGTH);
            }
            return Optional.of(new Resolved(secret, settings.source("secret")));
        }
        Path file = settings.dataDir().resolve(SECRET_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (stored.isEmpty()) {
                throw ConfigException.of(file.toString(),
                        "is empty; delete it to generate a new secret or set POSTERN_SECRET");
            }
            return Optional.of(new Resolved(stored, file.toString()));
        } catch (IOException e) {
            throw ConfigException.of(file.toString(),
                    "cannot be read (" + e.getMessage() + "); set POSTERN_SECRET instead");
        }
    }

    private static Resolved generate(ServerSettings settings) {
        Path file = settings.dataDir().resolve(SECRET_FILE);
        String secret = Secrets.generate();
        try {
            Files.createDirectories(settings.dataDir());
            writeOwnerOnly(file, secret);
        } catch (FileAlreadyExistsException raced) {
            // Another process generated it between our check and our write: use theirs.
            return resolve(settings).orElseThrow();
        } catch (IOException e) {
            throw ConfigException.of("POSTERN_SECRET", "not set, and a development secret cannot be stored in "
                    + file + " (" + e.getMessage() + "); set POSTERN_SECRET or POSTERN_DATA_DIR");
        }
        LOG.warn("No POSTERN_SECRET set: generated a development secret and stored it in {}. "
                + "Set POSTERN_SECRET (see `postern secret`) before going to production.", file);
        return new Resolved(secret, file.toString());
    }

    private static void writeOwnerOnly(Path file, String secret) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }
}
