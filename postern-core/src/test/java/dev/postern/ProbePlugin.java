package dev.postern;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.http.Cookie;
import dev.postern.http.Status;
import dev.postern.plugin.Plugin;
import dev.postern.validation.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A plugin for engine tests, with endpoints that exercise each path through the pipeline. */
public final class ProbePlugin implements Plugin {
    public static final ErrorCode USER_ALREADY_EXISTS = ErrorCode.of("USER_ALREADY_EXISTS", "User already exists.");

    @Override
    public String id() {
        return "probe";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/sign-up/probe").name("signUpProbe").acceptForms()
                        .body(Schemas.object().required("email", Schemas.email()).optional("name", Schemas.string()))
                        .handler(ctx -> Map.of("email", ctx.bodyString("email").orElseThrow()))
                        .build(),
                Endpoint.post("/conflict").name("conflict")
                        .handler(ctx -> {
                            ctx.setCookie(Cookie.of("better-auth.session_token", "").expired());
                            throw USER_ALREADY_EXISTS.toException(Status.UNPROCESSABLE_ENTITY);
                        })
                        .build(),
                Endpoint.get("/boom").name("boom").handler(ctx -> {
                    throw new IllegalStateException("secret detail that must not leak");
                }).build(),
                Endpoint.get("/nothing").name("nothing").noStore().handler(ctx -> null).build(),
                Endpoint.serverOnly("serverSecret").handler(ctx -> Map.of("ok", true)).build());
    }

    /** Answers instead of the handler for e-mails starting with {@code blocked@}. */
    @Override
    public List<Hook> beforeHooks() {
        return List.of(Hook.onPaths(Set.of("/sign-up/probe"), ctx -> ctx.bodyString("email")
                .filter(e -> e.startsWith("blocked@"))
                .map(e -> Map.of("blocked", true))
                .orElse(null)));
    }

    @Override
    public List<Hook> afterHooks() {
        return List.of(Hook.onPaths(Set.of("/sign-up/probe"), ctx -> {
            ctx.setCookie(Cookie.of("probe", "after"));
            return null;
        }));
    }
}
