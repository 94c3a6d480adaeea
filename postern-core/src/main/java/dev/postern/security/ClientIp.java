package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.http.AuthRequest;
import java.util.List;
import java.util.Optional;

/**
 * Decides which client a request comes from, for rate-limit keys and {@code session.ipAddress}, with
 * better-auth's rules ({@code utils/ip}) plus the connection's peer address, which better-auth cannot see:
 *
 * <ol>
 *   <li>{@code disableIpTracking}: no address, ever.</li>
 *   <li>Trusted proxies configured and the peer is not one of them: the peer is the client, and forwarding
 *       headers are ignored, since whoever sent them could have written anything.</li>
 *   <li>The configured headers in order (default {@code x-forwarded-for}; repeated lines are joined with
 *       {@code ", "} as fetch does). With trusted proxies the comma list is walked from the right, skipping
 *       trusted hops; the first other address wins, and a malformed hop ends the walk. Without trusted
 *       proxies a header is believed only when it holds exactly one address: a client can prepend anything
 *       to a list, so taking its first entry would hand every request a bucket of its choosing.</li>
 *   <li>The peer address, unless it is itself a trusted proxy.</li>
 *   <li>Outside production, {@code 127.0.0.1}; in production, no address.</li>
 * </ol>
 *
 * Addresses are normalised: IPv4-mapped IPv6 becomes IPv4, and IPv6 is written in full and masked to
 * {@code ipv6Subnet} bits (a /64 by default, so one household or VM cannot rotate through its own range).
 * Thread-safe and immutable; build one per configuration.
 */
public final class ClientIp {
    /** better-auth's address when none is known outside production. */
    public static final String DEVELOPMENT_FALLBACK = "127.0.0.1";

    private final IpAddressSettings settings;
    private final List<Cidr> trustedProxies;
    private final boolean production;

    public ClientIp(IpAddressSettings settings, boolean production) {
        this.settings = settings;
        this.trustedProxies = settings.trustedProxies().stream().map(p -> Cidr.parse(p).orElseThrow()).toList();
        this.production = production;
    }

    public static ClientIp from(PosternConfig config) {
        return new ClientIp(config.ipAddress(), config.production());
    }

    /** The normalised client address, or empty when tracking is off or no trustworthy address is known. */
    public Optional<String> resolve(AuthRequest request) {
        if (settings.disableIpTracking()) {
            return Optional.empty();
        }
        byte[] peer = peerAddress(request);
        boolean peerIsTrustedProxy = peer != null && isTrustedProxy(peer);
        if (peer != null && !trustedProxies.isEmpty() && !peerIsTrustedProxy) {
            return Optional.of(normalize(peer));
        }
        for (String header : settings.headers()) {
            List<String> lines = request.headers().all(header);
            if (lines.isEmpty()) {
                continue;
            }
            byte[] fromHeader = fromForwardedList(String.join(", ", lines));
            if (fromHeader != null) {
                return Optional.of(normalize(fromHeader));
            }
        }
        if (peer != null && !peerIsTrustedProxy) {
            return Optional.of(normalize(peer));
        }
        return production ? Optional.empty() : Optional.of(DEVELOPMENT_FALLBACK);
    }

    /** What a new session records as {@code ipAddress}: the address, or {@code ""} as better-auth stores. */
    public String forSession(AuthRequest request) {
        return resolve(request).orElse("");
    }

    private byte[] fromForwardedList(String value) {
        List<String> hops = java.util.Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (hops.isEmpty()) {
            return null;
        }
        if (trustedProxies.isEmpty()) {
            return hops.size() == 1 ? IpAddresses.toBytes(hops.get(0)) : null;
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = IpAddresses.toBytes(hops.get(i));
            if (hop == null) {
                return null;
            }
            if (!isTrustedProxy(hop)) {
                return hop;
            }
        }
        return null;
    }

    private boolean isTrustedProxy(byte[] address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The socket peer as the adapter reported it, tolerating {@code [::1]} and a zone id {@code %eth0}. */
    private static byte[] peerAddress(AuthRequest request) {
        String peer = request.clientAddress();
        if (peer == null || peer.isBlank()) {
            return null;
        }
        String text = peer.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return IpAddresses.toBytes(text);
    }

    private String normalize(byte[] address) {
        return IpAddresses.normalize(address, settings.ipv6Subnet());
    }
}
