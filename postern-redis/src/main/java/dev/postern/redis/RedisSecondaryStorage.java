package dev.postern.redis;

import dev.postern.storage.SecondaryStorage;
import dev.postern.storage.SecondaryStorageUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link SecondaryStorage} in Redis, standalone, behind Sentinel or as a cluster (see {@link RedisUrl} for
 * the URL forms, TLS and passwords included). Values are UTF-8 strings, as better-auth stores its JSON.
 *
 * <p><b>One shared connection, no pool.</b> Lettuce connections are thread-safe and multiplex every caller's
 * commands over one socket; Lettuce recommends pooling only for blocking commands or MULTI transactions, which
 * would tie a connection to one caller. This class uses neither: {@link #increment} is atomic through a Lua
 * script, one round trip, so concurrent increments can never create a counter without its expiry.
 *
 * <p><b>Failures.</b> Commands time out after the command timeout (2 s by default). While Redis is down,
 * every operation throws {@link SecondaryStorageUnavailableException} at once (commands are rejected, not
 * queued), which the HTTP pipeline answers with {@code 503 SECONDARY_STORAGE_UNAVAILABLE}. Lettuce reconnects
 * in the background, and if Redis was not reachable when first used, the next operation after a short pause
 * tries to connect again; either way, service resumes without a restart.
 *
 * <p>Create one per process and {@link #close()} it on shutdown.
 */
public final class RedisSecondaryStorage implements SecondaryStorage, AutoCloseable {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** After a failed first connection, operations fail fast for this long before the next attempt. */
    private static final long CONNECT_RETRY_PAUSE_NANOS = Duration.ofMillis(500).toNanos();

    /**
     * INCR, then an expiry only for a key that has none (EXPIRE NX, written so Redis 6 runs it too). A TTL of 0
     * means "never expires", as in {@link SecondaryStorage#set}.
     */
    static final String INCREMENT_SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = tonumber(ARGV[1])
            if ttl > 0 and redis.call('TTL', KEYS[1]) == -1 then
              redis.call('EXPIRE', KEYS[1], ttl)
            end
            return count
            """;
    private static final String INCREMENT_SHA = sha1Hex(INCREMENT_SCRIPT);

    private final RedisConnector connector;
    private final Object connectLock = new Object();
    private volatile RedisConnector.Connected connected;
    private volatile long nextConnectAttempt = System.nanoTime();
    private volatile boolean closed;

    /** Connects to {@code url} (lazily, on first use) with the default 2-second command timeout. */
    public RedisSecondaryStorage(String url) {
        this(RedisUrl.parse(url, DEFAULT_COMMAND_TIMEOUT), DEFAULT_COMMAND_TIMEOUT);
    }

    public RedisSecondaryStorage(RedisUrl url, Duration commandTimeout) {
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout: must be positive, was " + commandTimeout);
        }
        this.connector = new RedisConnector(url, commandTimeout);
    }

    /** The URL this storage talks to, password masked: safe for logs and {@code doctor}. */
    public String maskedUrl() {
        return connector.url().masked();
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(call("GET", redis -> redis.get(key)));
    }

    @Override
    public void set(String key, String value, long ttlSeconds) {
        checkTtl(ttlSeconds);
        call("SET", redis -> ttlSeconds == 0 ? redis.set(key, value) : redis.set(key, value, SetArgs.Builder.ex(ttlSeconds)));
    }

    @Override
    public void delete(String key) {
        call("DEL", redis -> redis.del(key));
    }

    @Override
    public Optional<String> getAndDelete(String key) {
        return Optional.ofNullable(call("GETDEL", redis -> redis.getdel(key)));
    }

    @Override
    public long increment(String key, long ttlSeconds) {
        checkTtl(ttlSeconds);
        String[] keys = {key};
        String ttl = Long.toString(ttlSeconds);
        Long count = call("INCREMENT", redis -> {
            try {
                return redis.<Long>evalsha(INCREMENT_SHA, ScriptOutputType.INTEGER, keys, ttl);
            } catch (RedisNoScriptException e) {
                // A restarted or new node has an empty script cache; EVAL runs the script and caches it again.
                return redis.<Long>eval(INCREMENT_SCRIPT, ScriptOutputType.INTEGER, keys, ttl);
            }
        });
        return count;
    }

    /** Round-trip time of a PING; throws {@link SecondaryStorageUnavailableException} when Redis does not answer. */
    public Duration ping() {
        long start = System.nanoTime();
        call("PING", RedisClusterCommands::ping);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Closes the connection and shuts the client's threads down; later operations throw. */
    @Override
    public void close() {
        synchronized (connectLock) {
            if (closed) {
                return;
            }
            closed = true;
            RedisConnector.Connected open = connected;
            connected = null;
            if (open != null) {
                open.connection().close();
            }
            connector.close();
        }
    }

    private <T> T call(String operation, Function<RedisClusterCommands<String, String>, T> command) {
        RedisClusterCommands<String, String> redis = commands(operation);
        try {
            return command.apply(redis);
        } catch (RedisException e) {
            throw RedisFailures.translate(operation, e);
        }
    }

    private RedisClusterCommands<String, String> commands(String operation) {
        RedisConnector.Connected open = connected;
        if (open != null) {
            return open.commands();
        }
        synchronized (connectLock) {
            if (closed) {
                throw new IllegalStateException("RedisSecondaryStorage is closed");
            }
            if (connected == null) {
                // Without a pause every request of an outage would wait on its own connection attempt.
                if (System.nanoTime() - nextConnectAttempt < 0) {
                    throw new SecondaryStorageUnavailableException("Redis is unavailable (" + operation
                            + "): not connected to " + maskedUrl() + "; retrying shortly", null);
                }
                try {
                    connected = connector.connect();
                } catch (RedisException e) {
                    nextConnectAttempt = System.nanoTime() + CONNECT_RETRY_PAUSE_NANOS;
                    throw RedisFailures.translate(operation, e);
                }
            }
            return connected.commands();
        }
    }

    private static void checkTtl(long ttlSeconds) {
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("ttlSeconds: must not be negative, was " + ttlSeconds);
        }
    }

    private static String sha1Hex(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JVM", e);
        }
    }
}
