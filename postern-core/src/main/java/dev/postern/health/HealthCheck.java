package dev.postern.health;

/**
 * One dependency a node needs to serve requests (the database, Redis). {@link #check()} returns normally
 * when it answers and throws otherwise; it must give up within a few seconds, since load balancers poll.
 */
@FunctionalInterface
public interface HealthCheck {
    void check() throws Exception;
}
