package dev.postern.plugin.customsession;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Hook;
import dev.postern.plugin.Plugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.NullNode;

/**
 * better-auth's {@code custom-session} plugin: {@code GET /get-session} answers what a
 * {@link CustomSessionFunction} makes of {@code {session, user}} (no session stays {@code null}), and, with
 * {@code shouldMutateListDeviceSessionsEndpoint}, each item of {@code /multi-session/list-device-sessions}
 * too. The session read itself (cookie cache, refresh, cookies) is untouched.
 *
 * <p>Java only: a function cannot be written in {@code postern.yaml}, so there is no factory for it.
 *
 * <pre>{@code
 * new CustomSessionPlugin((s, ctx) -> {
 *     Map<String, Object> out = new LinkedHashMap<>(s);
 *     out.put("roles", roles.of(((Map<?, ?>) s.get("user")).get("id")));
 *     return out;
 * })
 * }</pre>
 */
public final class CustomSessionPlugin implements Plugin {
    public static final String ID = "custom-session";

    private final CustomSessionFunction function;
    private final boolean shouldMutateListDeviceSessionsEndpoint;

    public CustomSessionPlugin(CustomSessionFunction function) {
        this(function, false);
    }

    public CustomSessionPlugin(CustomSessionFunction function, boolean shouldMutateListDeviceSessionsEndpoint) {
        this.function = Objects.requireNonNull(function, "function");
        this.shouldMutateListDeviceSessionsEndpoint = shouldMutateListDeviceSessionsEndpoint;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Hook> afterHooks() {
        List<Hook> hooks = new ArrayList<>();
        hooks.add(Hook.onPaths(Set.of("/get-session"), this::shapeSession));
        if (shouldMutateListDeviceSessionsEndpoint) {
            hooks.add(Hook.onPaths(Set.of("/multi-session/list-device-sessions"), this::shapeDeviceSessions));
        }
        return hooks;
    }

    private Object shapeSession(EndpointContext ctx) {
        if (!(ctx.returned() instanceof Map<?, ?> session)) {
            return null;
        }
        return orJsonNull(function.apply(asStringMap(session), ctx));
    }

    private Object shapeDeviceSessions(EndpointContext ctx) {
        if (!(ctx.returned() instanceof List<?> items)) {
            return null;
        }
        List<Object> shaped = new ArrayList<>();
        for (Object item : items) {
            shaped.add(item instanceof Map<?, ?> session ? function.apply(asStringMap(session), ctx) : item);
        }
        return shaped;
    }

    /** An after-hook's null keeps the handler's answer; a function that answers null means JSON null. */
    private static Object orJsonNull(Object value) {
        return value == null ? NullNode.getInstance() : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
