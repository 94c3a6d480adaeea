package dev.postern.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The URL forms POSTERN_REDIS_URL accepts, and that a password never shows in what can be logged. */
class RedisUrlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void standaloneUrlCarriesHostPortDatabasePasswordAndTimeout() {
        RedisUrl url = RedisUrl.parse("redis://:s3cret@cache.internal:6380/2", TIMEOUT);

        RedisURI node = url.nodes().getFirst();
        assertThat(url.cluster()).isFalse();
        assertThat(node.getHost()).isEqualTo("cache.internal");
        assertThat(node.getPort()).isEqualTo(6380);
        assertThat(node.getDatabase()).isEqualTo(2);
        assertThat(new String(node.getCredentialsProvider().resolveCredentials().block().getPassword())).isEqualTo("s3cret");
        assertThat(node.isSsl()).isFalse();
        assertThat(node.getTimeout()).isEqualTo(TIMEOUT);
    }

    @Test
    void redissMeansTls() {
        assertThat(RedisUrl.parse("rediss://cache.example.com:6380", TIMEOUT).nodes().getFirst().isSsl()).isTrue();
    }

    @Test
    void sentinelUrlNamesTheSentinelsAndTheMaster() {
        RedisURI node = RedisUrl.parse("redis-sentinel://:pw@s1:26379,s2:26380/0#mymaster", TIMEOUT).nodes().getFirst();

        assertThat(node.getSentinelMasterId()).isEqualTo("mymaster");
        assertThat(node.getSentinels()).extracting(RedisURI::getHost).containsExactly("s1", "s2");
    }

    @Test
    void clusterUrlGivesOneSeedPerHostWithTheSharedPasswordAndTls() {
        RedisUrl url = RedisUrl.parse("rediss-cluster://:pw@n1:7000,n2:7001", TIMEOUT);

        assertThat(url.cluster()).isTrue();
        assertThat(url.nodes()).extracting(RedisURI::getHost).containsExactly("n1", "n2");
        assertThat(url.nodes()).extracting(RedisURI::getPort).containsExactly(7000, 7001);
        assertThat(url.nodes()).allSatisfy(seed -> {
            assertThat(seed.isSsl()).isTrue();
            assertThat(new String(seed.getCredentialsProvider().resolveCredentials().block().getPassword())).isEqualTo("pw");
        });
    }

    @Test
    void maskHidesThePasswordButKeepsTheUser() {
        assertThat(RedisUrl.mask("redis://default:s3cret@h:6379/0")).isEqualTo("redis://default:***@h:6379/0");
        assertThat(RedisUrl.mask("redis://:s3cret@h")).isEqualTo("redis://:***@h");
        assertThat(RedisUrl.mask("redis://h:6379")).isEqualTo("redis://h:6379");
        assertThat(RedisUrl.parse("redis://:s3cret@h", TIMEOUT).masked()).doesNotContain("s3cret");
    }

    @Test
    void aBadUrlIsRefusedWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> RedisUrl.parse("http://:s3cret@h:6379", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Redis URL")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> RedisUrl.parse("redis-cluster://:s3cret@n1:7000,,n2", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cret");
    }
}
