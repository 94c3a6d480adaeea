package dev.postern.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Lettuce client for a {@link RedisUrl} (standalone and Sentinel through {@link RedisClient}, cluster
 * through {@link RedisClusterClient}) with the options an auth server wants: commands time out, commands
 * issued while disconnected fail at once instead of queueing (a request should get its 503 now, not after a
 * backlog drains), the connection reconnects on its own with a short capped back-off, and a cluster follows
 * topology changes (failover, resharding) as Lettuce recommends.
 */
final class RedisConnector implements AutoCloseable {
    /** Reconnect attempts back off exponentially up to this, so a restarted Redis is picked up within it. */
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final Duration CLUSTER_TOPOLOGY_REFRESH = Duration.ofSeconds(30);

    /** One live connection and its synchronous commands; both kinds share {@link RedisClusterCommands}. */
    record Connected(StatefulConnection<String, String> connection, RedisClusterCommands<String, String> commands) {
    }

    private final RedisUrl url;
    private final ClientResources resources;
    private final AbstractRedisClient client;

    RedisConnector(RedisUrl url, Duration commandTimeout) {
        this.url = url;
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(commandTimeout).keepAlive(true).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(commandTimeout);
        if (url.cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, url.nodes());
            cluster.setOptions(ClusterClientOptions.builder()
                    .socketOptions(socket).timeoutOptions(timeouts).autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(CLUSTER_TOPOLOGY_REFRESH)
                            .enableAllAdaptiveRefreshTriggers()
                            .build())
                    .build());
            this.client = cluster;
        } else {
            RedisClient single = RedisClient.create(resources, url.nodes().getFirst());
            single.setOptions(ClientOptions.builder()
                    .socketOptions(socket).timeoutOptions(timeouts).autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .build());
            this.client = single;
        }
    }

    /** Opens the connection; throws Lettuce's {@code RedisException} when Redis cannot be reached. */
    Connected connect() {
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<String, String> connection = cluster.connect(StringCodec.UTF8);
            return new Connected(connection, connection.sync());
        }
        StatefulRedisConnection<String, String> connection = ((RedisClient) client).connect(StringCodec.UTF8);
        return new Connected(connection, connection.sync());
    }

    RedisUrl url() {
        return url;
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
