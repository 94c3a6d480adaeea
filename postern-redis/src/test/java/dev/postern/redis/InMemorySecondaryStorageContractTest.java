package dev.postern.redis;

import dev.postern.storage.InMemorySecondaryStorage;
import dev.postern.storage.SecondaryStorage;

/** The in-process storage keeps the same contract as Redis, on the real clock. */
class InMemorySecondaryStorageContractTest extends SecondaryStorageContract {
    private final InMemorySecondaryStorage storage = new InMemorySecondaryStorage();

    @Override
    SecondaryStorage storage() {
        return storage;
    }

    @Override
    String key(String name) {
        return name;
    }
}
