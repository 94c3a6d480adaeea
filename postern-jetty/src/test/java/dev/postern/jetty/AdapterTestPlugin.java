package dev.postern.jetty;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.endpoint.Endpoint;
import dev.postern.error.ApiException;
import dev.postern.http.Cookie;
import dev.postern.http.Status;
import dev.postern.plugin.Plugin;
import dev.postern.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Endpoints that show what the adapter passed in: an echo, a slow one, and one that fails. */
final class AdapterTestPlugin implements Plugin {
    static final long SLOW_MILLIS = 500;
    /** A permit per slow request that has reached its handler: tests wait for it before stopping. */
    static final java.util.concurrent.Semaphore SLOW_STARTED = new java.util.concurrent.Semaphore(0);

    @Override
    public String id() {
        return "adapter-test";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(echo(), slow(), unauthorized());
    }

    /** A Postern instance with this plugin and a store that must never be touched. */
    static Postern newPostern() {
        return Postern.create(PosternConfig.builder()
                .secret("adapter-test-secret-adapter-test-secret")
                .database(schema -> untouchableStore())
                .maxBodyBytes(4096)
                .plugin(new AdapterTestPlugin())
                .build());
    }

    private static Store untouchableStore() {
        return (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(),
                new Class<?>[] {Store.class}, (proxy, method, args) -> {
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
                    echoed.put("virtualThread", Thread.currentThread().isVirtual());
                    return echoed;
                })
                .build();
    }

    private static Endpoint slow() {
        return Endpoint.get("/slow").name("slow")
                .handler(ctx -> {
                    SLOW_STARTED.release();
                    try {
                        Thread.sleep(SLOW_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while slow", e);
                    }
                    return Map.of("slow", true);
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
