package dev.postern.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.http.AuthRequest;
import org.junit.jupiter.api.Test;

/** Which address a new session records (wire reference §9.3, and the brief's proxy-header order). */
class ClientIpTest {

    @Test
    void firstForwardedForEntryWins() {
        AuthRequest request = AuthRequest.builder("POST", "/x")
                .header("X-Forwarded-For", " 203.0.113.7 , 10.0.0.1")
                .header("X-Real-IP", "198.51.100.1")
                .clientAddress("10.0.0.2").build();

        assertThat(ClientIp.of(request, true)).isEqualTo("203.0.113.7");
    }

    @Test
    void realIpIsUsedWithoutForwardedFor() {
        AuthRequest request = AuthRequest.builder("POST", "/x").header("X-Real-IP", "198.51.100.1")
                .clientAddress("10.0.0.2").build();

        assertThat(ClientIp.of(request, true)).isEqualTo("198.51.100.1");
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
