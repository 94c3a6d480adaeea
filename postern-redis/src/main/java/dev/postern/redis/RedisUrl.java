package dev.postern.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Redis is, parsed from one URL as {@code POSTERN_REDIS_URL} accepts it:
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/db]}, {@code rediss://...} for TLS (Lettuce's own form);</li>
 *   <li>{@code redis-sentinel://[:password@]host1:26379,host2:26379[/db]#masterName} (also {@code rediss-sentinel});</li>
 *   <li>{@code redis-cluster://[:password@]host1:port1,host2:port2} (also {@code rediss-cluster}), a seed list of
 *       cluster nodes; Lettuce discovers the rest.</li>
 * </ul>
 * Query parameters Lettuce knows ({@code verifyPeer=CA}, {@code clientName=...}) pass through. A URL that does
 * not parse fails here, at start-up, with a message that does not repeat the password.
 *
 * @param nodes one URI (standalone or Sentinel, whose sentinels Lettuce keeps inside it), or the cluster seeds
 * @param cluster whether {@code nodes} are cluster seeds
 * @param masked the URL with its password replaced by {@code ***}, safe to log
 */
public record RedisUrl(List<RedisURI> nodes, boolean cluster, String masked) {
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^@/]*@");
    private static final String CLUSTER = "-cluster://";

    public RedisUrl {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a Redis URL names at least one host");
        }
        Objects.requireNonNull(masked, "masked");
    }

    /** Parses {@code url}; every node gets {@code commandTimeout} as its command timeout. */
    public static RedisUrl parse(String url, Duration commandTimeout) {
        Objects.requireNonNull(url, "url");
        String masked = mask(url);
        String lower = url.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("redis" + CLUSTER) || lower.startsWith("rediss" + CLUSTER)) {
                return new RedisUrl(clusterSeeds(url, commandTimeout), true, masked);
            }
            if (!lower.startsWith("redis://") && !lower.startsWith("rediss://")
                    && !lower.startsWith("redis-sentinel://") && !lower.startsWith("rediss-sentinel://")) {
                throw new IllegalArgumentException("the scheme must be redis, rediss, redis-sentinel, "
                        + "rediss-sentinel, redis-cluster or rediss-cluster");
            }
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(commandTimeout);
            return new RedisUrl(List.of(uri), false, masked);
        } catch (IllegalArgumentException e) {
            // Lettuce's messages may quote the URL, password included: say what is wrong with the masked one.
            throw new IllegalArgumentException("not a Redis URL: " + masked + " (" + safeReason(e, url) + ")");
        }
    }

    /** The masked URL: a record's default text would print the nodes, and a log line must not show a password. */
    @Override
    public String toString() {
        return masked;
    }

    /** {@code url} with any password replaced by {@code ***}; the user name, if any, stays. */
    public static String mask(String url) {
        return USER_INFO.matcher(url).replaceFirst(match -> {
            String userInfo = match.group();
            int colon = userInfo.indexOf(':');
            return colon < 0 ? "***@" : userInfo.substring(0, colon) + ":***@";
        });
    }

    /** One cluster seed per comma-separated host, each with the URL's credentials, TLS and parameters. */
    private static List<RedisURI> clusterSeeds(String url, Duration commandTimeout) {
        int schemeEnd = url.indexOf(CLUSTER);
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + CLUSTER.length());
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? "" : rest.substring(0, at + 1);
        String afterUserInfo = rest.substring(at + 1);
        int hostsEnd = indexOfAny(afterUserInfo, "/?#");
        String hosts = afterUserInfo.substring(0, hostsEnd);
        String suffix = afterUserInfo.substring(hostsEnd);
        List<RedisURI> seeds = new ArrayList<>();
        for (String host : hosts.split(",")) {
            if (host.isBlank()) {
                throw new IllegalArgumentException("an empty host in the cluster list");
            }
            RedisURI seed = RedisURI.create(scheme + "://" + userInfo + host.strip() + suffix);
            seed.setTimeout(commandTimeout);
            seeds.add(seed);
        }
        return seeds;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String safeReason(IllegalArgumentException e, String url) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        var userInfo = USER_INFO.matcher(url);
        if (userInfo.find()) {
            String secret = userInfo.group();
            secret = secret.substring(secret.indexOf(':') + 1, secret.length() - 1);
            if (!secret.isEmpty()) {
                reason = reason.replace(secret, "***");
            }
        }
        return reason;
    }
}
