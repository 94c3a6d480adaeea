package dev.postern.redis;

import dev.postern.storage.SecondaryStorageUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.util.List;

/**
 * Turns Lettuce's exceptions into Postern's: anything that means "Redis is not there right now" (no
 * connection, a timeout, a node loading or failing over) becomes {@link SecondaryStorageUnavailableException},
 * which the pipeline answers with a 503; a command Redis refuses for good (a wrong type) stays a bug.
 * Messages never include the key: keys are session tokens and other secrets.
 */
final class RedisFailures {
    /** Error replies that a retry can cure: the server is starting, failing over or resharding. */
    private static final List<String> TRANSIENT_REPLIES =
            List.of("LOADING", "MASTERDOWN", "CLUSTERDOWN", "READONLY", "TRYAGAIN", "BUSY");

    private RedisFailures() {
    }

    static RuntimeException translate(String operation, RedisException e) {
        if (e instanceof RedisCommandExecutionException refused && !isTransient(refused)) {
            return new IllegalStateException("Redis refused " + operation + ": " + refused.getMessage(), e);
        }
        return new SecondaryStorageUnavailableException("Redis is unavailable (" + operation + "): " + e.getMessage(), e);
    }

    private static boolean isTransient(RedisCommandExecutionException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return TRANSIENT_REPLIES.stream().anyMatch(message::startsWith);
    }
}
