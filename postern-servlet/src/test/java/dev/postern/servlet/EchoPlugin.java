package dev.postern.servlet;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.endpoint.Endpoint;
import dev.postern.error.ApiException;
import dev.postern.http.Cookie;
import dev.postern.http.Status;
import dev.postern.plugin.Plugin;
import dev.postern.store.Store;
import dev.postern.testkit.TestPostern;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Endpoints that show what the adapter passed in: an echo that sets two cookies, and one that fails. */
final class EchoPlugin implements Plugin {
    static final int MAX_BODY_BYTES = 4096;

    @Override
    public String id() {
        return "servlet-echo";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(echo(), unauthorized());
    }

    /** An instance under {@code basePath} with this plugin and a store that must never be touched. */
    static Postern newPostern(String basePath) {
        return Postern.create(PosternConfig.builder()
                .secret(TestPostern.SECRET)
                .basePath(basePath)
                .database(schema -> untouchableStore())
                .maxBodyBytes(MAX_BODY_BYTES)
                .plugin(new EchoPlugin())
                .build());
    }

    private static Store untouchableStore() {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    throw new UnsupportedOperationException("adapter tests do not use the store");
                });
    }

    private static Endpoint echo() {
        return Endpoint.route("/echo/:id", "GET", "POST", "PUT", "DELETE").name("echo")
                .handler(ctx -> {
                    ctx.setCookie(Cookie.of("first", "1"));
                    ctx.setCookie(Cookie.of("second", "2"));
                    Map<String, Object> echoed = new LinkedHashMap<>();
                    echoed.put("method", ctx.request().method());
                    echoed.put("path", ctx.request().path());
                    echoed.put("id", ctx.param("id"));
                    echoed.put("query", ctx.request().query());
                    echoed.put("xTest", ctx.request().headers().all("X-Test"));
                    echoed.put("body", ctx.request().bodyText());
                    echoed.put("clientAddress", ctx.request().clientAddress());
                    return echoed;
                })
                .build();
    }

    private static Endpoint unauthorized() {
        return Endpoint.get("/unauthorized").name("unauthorized")
                .handler(ctx -> {
                    throw new ApiException(Status.UNAUTHORIZED, "UNAUTHORIZED", "No session");
                })
                .build();
    }
}
