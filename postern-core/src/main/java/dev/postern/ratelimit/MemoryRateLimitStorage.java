package dev.postern.ratelimit;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts in this process. Bounded: past {@code maxKeys} the least recently counted keys are dropped, so a
 * flood of distinct addresses costs memory in proportion to the cap, not to the flood (better-auth caps its
 * map at 100,000 keys too). Counts are per instance and do not survive a restart; several instances behind
 * one load balancer each count on their own, so use database or secondary storage there.
 */
public final class MemoryRateLimitStorage implements RateLimitStorage {
    private record Entry(RequestCount count, long expiresAt) {
    }

    private final Clock clock;
    private final int maxKeys;
    /** Insertion order is kept as order of last allowed request: every update re-inserts the key. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    public MemoryRateLimitStorage(Clock clock, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys: must be at least 1, was " + maxKeys);
        }
        this.clock = clock;
        this.maxKeys = maxKeys;
    }

    @Override
    public RateLimitDecision consume(String key, RateLimit limit) {
        long now = clock.millis();
        synchronized (entries) {
            Entry entry = entries.get(key);
            RequestCount current = entry != null && now < entry.expiresAt() ? entry.count() : null;
            SlidingWindow.Step step = SlidingWindow.consume(current, limit, now);
            if (step.decision().allowed()) {
                entries.remove(key);
                entries.put(key, new Entry(step.next(), now + limit.window().toMillis()));
                evict(now);
            }
            return step.decision();
        }
    }

    /** How many keys are held now; for monitoring and tests. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * Drops expired keys from the old end, then the oldest ones beyond the cap. Cheap per request: it stops
     * at the first live key, where better-auth scans the whole map.
     */
    private void evict(long now) {
        Iterator<Map.Entry<String, Entry>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Entry oldest = oldestFirst.next().getValue();
            if (now < oldest.expiresAt() && entries.size() <= maxKeys) {
                break;
            }
            oldestFirst.remove();
        }
    }
}
