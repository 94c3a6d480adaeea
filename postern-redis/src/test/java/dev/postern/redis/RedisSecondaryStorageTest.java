package dev.postern.redis;

import dev.postern.testkit.LocalRedis;

import dev.postern.storage.SecondaryStorage;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Redis keeps the secondary-storage contract: the machine's Redis, keys under a prefix unique to this run. */
class RedisSecondaryStorageTest extends SecondaryStorageContract {
    private static RedisSecondaryStorage storage;
    private final String prefix = LocalRedis.uniquePrefix();
    private final Set<String> used = new HashSet<>();

    @BeforeAll
    static void connect() {
        LocalRedis.assumeAvailable();
        storage = new RedisSecondaryStorage(LocalRedis.URL);
    }

    @AfterAll
    static void disconnect() {
        if (storage != null) {
            storage.close();
        }
    }

    @AfterEach
    void deleteKeys() {
        used.forEach(storage::delete);
    }

    @Override
    SecondaryStorage storage() {
        return storage;
    }

    @Override
    synchronized String key(String name) {
        String key = prefix + name;
        used.add(key);
        return key;
    }
}
