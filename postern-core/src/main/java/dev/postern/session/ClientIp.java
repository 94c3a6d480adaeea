package dev.postern.session;

import dev.postern.PosternConfig;
import dev.postern.http.AuthRequest;
import dev.postern.security.IpAddressSettings;

/**
 * The client address recorded on a session ({@code session.ipAddress}), or {@code ""} when none is known,
 * as better-auth stores it. The rules (headers, trusted proxies, IPv4-mapped and IPv6 grouping) have one
 * home, {@link dev.postern.security.ClientIp}, shared with rate limiting; this is the sessions' door to it.
 */
public final class ClientIp {

    private ClientIp() {
    }

    /** The address under the instance's {@code ipAddress} settings. */
    public static String of(AuthRequest request, PosternConfig config) {
        return dev.postern.security.ClientIp.from(config).forSession(request);
    }

    /**
     * The address under the default {@code ipAddress} settings: configured headers and trusted proxies are
     * not applied, so prefer {@link #of(AuthRequest, PosternConfig)}.
     */
    public static String of(AuthRequest request, boolean production) {
        return new dev.postern.security.ClientIp(IpAddressSettings.defaults(), production).forSession(request);
    }
}
