package dev.postern.ratelimit;

/**
 * better-auth's counting rule for memory and database storage, as a pure function: a key unseen or idle
 * for a whole window starts again at 1; below {@code max} the count goes up and the window restarts from
 * now; at {@code max} the request is denied and nothing changes. So the window restarts from the last
 * <i>allowed</i> request, and a client that keeps retrying while denied does not extend its wait.
 */
final class SlidingWindow {

    /** The outcome of one request: the decision and, when allowed, the count to store. */
    record Step(RateLimitDecision decision, RequestCount next) {
    }

    private SlidingWindow() {
    }

    static Step consume(RequestCount current, RateLimit limit, long now) {
        if (current == null || current.windowPassed(limit, now)) {
            return new Step(RateLimitDecision.allow(), new RequestCount(1, now));
        }
        if (current.count() >= limit.max()) {
            return new Step(RateLimitDecision.deny(current.retryAfterSeconds(limit, now)), current);
        }
        return new Step(RateLimitDecision.allow(), new RequestCount(current.count() + 1, now));
    }
}
