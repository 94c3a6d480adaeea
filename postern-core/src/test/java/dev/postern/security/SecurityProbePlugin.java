package dev.postern.security;

import dev.postern.NoStore;
import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.endpoint.Endpoint;
import dev.postern.http.AuthRequest;
import dev.postern.plugin.Plugin;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Endpoints for the engine tests of the origin, CSRF and CORS checks; none touches storage, so they run
 * on {@link NoStore}. Bodies are not declared, so the checks see exactly what a client sent.
 */
final class SecurityProbePlugin implements Plugin {
    static final String BASE = "https://auth.example.com";
    static final String APP = "https://app.example.com";
    static final String EVIL = "https://evil.example";

    @Override
    public String id() {
        return "security-probe";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/probe/change").name("probeChange").acceptForms()
                        .handler(ctx -> Map.of("ok", true)).build(),
                Endpoint.post("/probe/other/change").name("probeOtherChange")
                        .handler(ctx -> Map.of("ok", true)).build(),
                Endpoint.post("/probe/sign-in").name("probeSignIn").acceptForms().formCsrf()
                        .handler(ctx -> Map.of("signedIn", true)).build(),
                Endpoint.get("/probe/read").name("probeRead").handler(ctx -> Map.of("ok", true)).build(),
                Endpoint.get("/probe/verify").name("probeVerify")
                        .handler(ctx -> {
                            RedirectPolicy.requireCallbackUrl(ctx, ctx.queryString("callbackURL").orElse(null));
                            return Map.of("ok", true);
                        }).build(),
                Endpoint.post("/probe/token").name("probeToken")
                        .handler(ctx -> {
                            ctx.setHeader("Access-Control-Expose-Headers", "set-auth-token");
                            ctx.setHeader("set-auth-token", "t0ken");
                            return Map.of("ok", true);
                        }).build());
    }

    /** An instance on {@link #BASE} trusting {@link #APP}, with these security settings. */
    static Postern start(UnaryOperator<SecuritySettings> settings) {
        return Postern.create(PosternConfig.builder()
                .secret("a-secret-that-is-long-enough-for-tests-0123456789")
                .baseUrl(BASE)
                .database(NoStore.PROVIDER)
                .trustedOrigins(List.of(APP))
                .security(settings.apply(SecuritySettings.defaults()))
                .plugin(new SecurityProbePlugin())
                .build());
    }

    /** A JSON POST to {@code path} under the base path, with alternating header names and values. */
    static AuthRequest post(String path, String json, String... headers) {
        AuthRequest.Builder builder = AuthRequest.builder("POST", "/api/auth" + path).json(json);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }

    static AuthRequest request(String method, String pathAndQuery, String... headers) {
        AuthRequest.Builder builder = AuthRequest.builder(method, "/api/auth" + pathAndQuery);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.build();
    }
}
