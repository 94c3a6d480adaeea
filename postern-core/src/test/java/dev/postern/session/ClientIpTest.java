package dev.postern.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.NoStore;
import dev.postern.PosternConfig;
import dev.postern.http.AuthRequest;
import dev.postern.security.IpAddressSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a new session records (wire reference §9.3; the rules are dev.postern.security.ClientIp's). */
class ClientIpTest {

    @Test
    void singleForwardedForAddressWins() {
        AuthRequest request = AuthRequest.builder("POST", "/x")
                .header("X-Forwarded-For", " 203.0.113.7 ")
                .clientAddress("10.0.0.2").build();

        assertThat(ClientIp.of(request, true)).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedForListIsNotBelievedWithoutTrustedProxies() {
        AuthRequest request = AuthRequest.builder("POST", "/x")
                .header("X-Forwarded-For", " 203.0.113.7 , 10.0.0.1")
                .clientAddress("10.0.0.2").build();

        assertThat(ClientIp.of(request, true)).isEqualTo("10.0.0.2");
    }

    @Test
    void realIpIsReadOnlyWhenConfigured() {
        AuthRequest request = AuthRequest.builder("POST", "/x").header("X-Real-IP", "198.51.100.1")
                .clientAddress("10.0.0.2").build();
        PosternConfig config = PosternConfig.builder().secret("s".repeat(32)).database(NoStore.PROVIDER).ipAddress(IpAddressSettings.defaults().withHeaders(List.of("X-Real-IP"))).build();

        assertThat(ClientIp.of(request, true)).isEqualTo("10.0.0.2");
        assertThat(ClientIp.of(request, config)).isEqualTo("198.51.100.1");
    }

    @Test
    void socketAddressIsUsedWithoutProxyHeaders() {
        AuthRequest request = AuthRequest.builder("POST", "/x").clientAddress("10.0.0.2").build();

        assertThat(ClientIp.of(request, true)).isEqualTo("10.0.0.2");
    }

    @Test
    void ipv4MappedIpv6BecomesIpv4() {
        AuthRequest request = AuthRequest.builder("POST", "/x").clientAddress("::FFFF:192.0.2.1").build();

        assertThat(ClientIp.of(request, false)).isEqualTo("192.0.2.1");
    }

    @Test
    void developmentFallsBackToLoopbackAndProductionToEmpty() {
        AuthRequest request = AuthRequest.builder("POST", "/x").header("X-Forwarded-For", " ").build();

        assertThat(ClientIp.of(request, false)).isEqualTo("127.0.0.1");
        assertThat(ClientIp.of(request, true)).isEmpty();
    }
}
