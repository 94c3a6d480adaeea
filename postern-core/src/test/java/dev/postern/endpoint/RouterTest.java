package dev.postern.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static Endpoint endpoint(String method, String path, String name) {
        return Endpoint.route(path, method).name(name).handler(ctx -> name).build();
    }

    @Test
    void findStaticPathMatchesMethodAndPathExactly() {
        Router router = new Router(List.of(endpoint("GET", "/get-session", "getSession")));

        assertThat(router.find("GET", "/get-session")).hasValueSatisfying(m -> assertThat(m.endpoint().name()).isEqualTo("getSession"));
        assertThat(router.find("POST", "/get-session")).isEmpty();
        assertThat(router.find("GET", "/get-session/")).isEmpty();
    }

    @Test
    void findParamPathDecodesTheParameter() {
        Router router = new Router(List.of(endpoint("GET", "/reset-password/:token", "resetPasswordCallback")));

        Router.Match match = router.find("GET", "/reset-password/abc%20d+e").orElseThrow();

        assertThat(match.params()).isEqualTo(Map.of("token", "abc d+e"));
        assertThat(router.find("GET", "/reset-password/")).isEmpty();
        assertThat(router.find("GET", "/reset-password/a/b")).isEmpty();
    }

    @Test
    void findPrefersStaticSegmentsOverParameters() {
        Router router = new Router(List.of(
                endpoint("GET", "/org/:id", "byId"),
                endpoint("GET", "/org/list", "list")));

        assertThat(router.find("GET", "/org/list").orElseThrow().endpoint().name()).isEqualTo("list");
        assertThat(router.find("GET", "/org/42").orElseThrow().endpoint().name()).isEqualTo("byId");
    }

    @Test
    void serverOnlyEndpointsAreNeverRouted() {
        Endpoint serverOnly = Endpoint.serverOnly("setPassword").handler(ctx -> null).build();

        Router router = new Router(List.of(serverOnly));

        assertThat(router.find("POST", "")).isEmpty();
        assertThat(router.find("POST", "/setPassword")).isEmpty();
    }

    @Test
    void twoEndpointsOnOneMethodAndPathAreRefused() {
        assertThatThrownBy(() -> new Router(List.of(endpoint("GET", "/a", "one"), endpoint("GET", "/a", "two"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one").hasMessageContaining("two");
    }
}
