package dev.postern.jdbc.migration;

import dev.postern.jdbc.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real better-auth (npm {@value #VERSION}) from Java tests. On first use it installs
 * better-auth, better-sqlite3, pg and mysql2 with npm into a cache folder outside the source tree
 * ({@code ~/.cache/postern/better-auth-<version>}, or system property {@code postern.betterAuthDir}) and
 * reuses that install afterwards; better-sqlite3 compiles from source where no prebuilt binary fits,
 * which takes a minute or two. Without npm the test is skipped, or fails when services are required.
 */
final class BetterAuthCli {
    static final String VERSION = "1.7.25";
    private static final String SCRIPT = "better-auth-migrations.mjs";
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final String PACKAGE_JSON = """
            {
              "name": "postern-better-auth-compat",
              "private": true,
              "type": "module",
              "dependencies": {
                "better-auth": "%s",
                "better-sqlite3": "^12.0.0",
                "pg": "^8.0.0",
                "mysql2": "^3.0.0"
              }
            }
            """.formatted(VERSION);

    private static Path installed;

    /** What better-auth planned: lines such as {@code created user}, {@code added user.twoFactorEnabled}. */
    record Plan(List<String> changes, String sql) {
    }

    private BetterAuthCli() {
    }

    /**
     * Runs better-auth's {@code getMigrations} on a database.
     *
     * @param kind sqlite, postgres or mysql
     * @param target the SQLite file or the server URL
     * @param migrate whether to apply the plan (else only report it)
     */
    static Plan migrations(String kind, String target, boolean migrate, boolean twoFactor) {
        Path folder = install();
        List<String> command = new ArrayList<>(List.of("node", SCRIPT, kind, target, migrate ? "migrate" : "check"));
        if (twoFactor) {
            command.add("two-factor");
        }
        String output = run(command, folder, RUN_TIMEOUT);
        int marker = output.indexOf("--- sql");
        List<String> changes = output.substring(0, marker).lines().filter(line -> !line.isBlank()).toList();
        return new Plan(changes, output.substring(marker + "--- sql".length()).strip());
    }

    /** The install folder with node_modules and the script, installing on first use. */
    static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        try {
            run(List.of(npm(), "--version"), Path.of("."), Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            TestDatabases.unavailable("npm (Node.js), needed to run better-auth,", e.getMessage());
        }
        Path folder = Path.of(System.getProperty("postern.betterAuthDir",
                System.getProperty("user.home") + "/.cache/postern/better-auth-" + VERSION));
        try {
            Files.createDirectories(folder);
            // Another test JVM may be installing into the same folder at the same time.
            try (FileChannel lockFile = FileChannel.open(folder.resolve(".install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                Path done = folder.resolve(".installed");
                if (!Files.exists(done) || !Files.readString(done).equals(PACKAGE_JSON)) {
                    Files.writeString(folder.resolve("package.json"), PACKAGE_JSON);
                    long start = System.nanoTime();
                    run(List.of(npm(), "install", "--no-audit", "--no-fund", "--loglevel=error"), folder,
                            INSTALL_TIMEOUT);
                    System.out.printf("better-auth %s installed with npm in %d s into %s%n", VERSION,
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), folder);
                    Files.writeString(done, PACKAGE_JSON);
                }
            }
            try (InputStream script = BetterAuthCli.class.getResourceAsStream(SCRIPT)) {
                Files.write(folder.resolve(SCRIPT), script.readAllBytes());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare better-auth in " + folder + ": " + e.getMessage(), e);
        }
        installed = folder;
        return folder;
    }

    private static String npm() {
        return System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
    }

    /** Runs a command with a deadline; returns its standard output, or throws with its error output. */
    private static String run(List<String> command, Path folder, Duration timeout) {
        try {
            Path out = Files.createTempFile("postern-node", ".out");
            Path err = Files.createTempFile("postern-node", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(folder.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
                }
                String stdout = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                            + process.exitValue() + ":\n" + Files.readString(err, StandardCharsets.UTF_8) + stdout);
                }
                return stdout;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
