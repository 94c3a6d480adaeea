package dev.postern.crypto;

import static org.assertj.core.api.Assertions.fail;

import dev.postern.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * The real better-auth {@value #VERSION} from npm, driven from tests: installed once into a cache folder
 * (reused across runs, guarded by a file lock against parallel builds), then each {@link #call} runs
 * {@code interop.mjs} in a fresh Node process, exchanging JSON over stdin/stdout.
 *
 * <p>Without {@code node}/{@code npm} (or when the install fails) the calling test is skipped, unless
 * {@code -Dpostern.requireServices=true}, in which case it fails and says why.
 */
final class BetterAuthNode {
    static final String VERSION = "1.7.25";
    private static final String MARKER = "@@POSTERN-RESULT@@";
    private static final long INSTALL_TIMEOUT_SECONDS = 300;
    private static final long CALL_TIMEOUT_SECONDS = 120;

    private final Path directory;

    private BetterAuthNode(Path directory) {
        this.directory = directory;
    }

    /** The installed better-auth, or the test is skipped (or failed, when services are required). */
    static BetterAuthNode require() {
        Availability availability = Holder.AVAILABILITY;
        if (availability.node() != null) {
            return availability.node();
        }
        String message = "better-auth " + VERSION + " via Node is unavailable: " + availability.reason().strip();
        if (Boolean.getBoolean("postern.requireServices")) {
            fail(message + " (postern.requireServices=true, so this fails instead of skipping)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Runs one operation of {@code interop.mjs}; {@code input} is written with the project mapper. */
    JsonNode call(String op, Object input) {
        String request = JsJson.stringify(java.util.Map.of("op", op, "input", Json.valueToTree(input)));
        Result result = run(List.of("node", directory.resolve("interop.mjs").toString()), directory, request,
                CALL_TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            fail("node " + op + " exited with " + result.exitCode() + ":\n" + result.stderr() + result.stdout());
        }
        int marker = result.stdout().lastIndexOf(MARKER);
        if (marker < 0) {
            fail("node " + op + " printed no result:\n" + result.stdout() + result.stderr());
        }
        return Json.parse(result.stdout().substring(marker + MARKER.length()).trim());
    }

    private record Availability(BetterAuthNode node, String reason) {
    }

    private static final class Holder {
        static final Availability AVAILABILITY = install();
    }

    private static Availability install() {
        try {
            for (String tool : List.of("node", "npm")) {
                Result version = run(List.of(tool, "--version"), "", 30);
                if (version.exitCode() != 0) {
                    return new Availability(null, tool + " --version failed: " + version.stderr());
                }
            }
            Path directory = cacheDirectory();
            Files.createDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Another build installing at the same time waits here; closing the channel releases the lock.
                lockFile.lock();
                Path marker = directory.resolve(".installed-" + VERSION);
                Path installed = directory.resolve("node_modules/better-auth/package.json");
                if (!Files.exists(marker) || !Files.exists(installed)) {
                    Files.writeString(directory.resolve("package.json"), """
                            {"name": "postern-crypto-interop", "private": true, "type": "module",
                             "dependencies": {"better-auth": "%s"}}
                            """.formatted(VERSION));
                    long start = System.nanoTime();
                    Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--ignore-scripts",
                            "--loglevel=error"), directory, "", INSTALL_TIMEOUT_SECONDS);
                    if (npm.exitCode() != 0) {
                        return new Availability(null, "npm install better-auth@" + VERSION + " failed: " + npm.stderr());
                    }
                    System.out.printf("installed better-auth %s into %s in %d s%n",
                            VERSION, directory, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
                    Files.writeString(marker, VERSION);
                }
                try (InputStream script = BetterAuthNode.class.getResourceAsStream("interop.mjs")) {
                    Files.write(directory.resolve("interop.mjs"), script.readAllBytes());
                }
            }
            return new Availability(new BetterAuthNode(directory), "");
        } catch (IOException | RuntimeException e) {
            return new Availability(null, e.toString());
        }
    }

    /** {@code -Dpostern.npmCache=...}, else {@code ~/.cache/postern/npm-crypto/better-auth-<version>}. */
    private static Path cacheDirectory() {
        String configured = System.getProperty("postern.npmCache");
        Path base = configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "postern", "npm-crypto");
        return base.resolve("better-auth-" + VERSION);
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(List<String> command, String stdin, long timeoutSeconds) {
        return run(command, null, stdin, timeoutSeconds);
    }

    private static Result run(List<String> command, Path workingDirectory, String stdin, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        // Keep better-auth quiet and offline: no telemetry, not "production" (which changes cookie names).
        builder.environment().put("BETTER_AUTH_TELEMETRY", "0");
        builder.environment().remove("NODE_ENV");
        try {
            Process process = builder.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, out.getNow(""), "timed out after " + timeoutSeconds + " s: " + command);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
