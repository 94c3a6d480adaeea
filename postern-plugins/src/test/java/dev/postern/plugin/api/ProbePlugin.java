package dev.postern.plugin.api;

import dev.postern.endpoint.Endpoint;
import dev.postern.plugin.Plugin;
import java.util.List;
import java.util.Map;

/** A plugin whose endpoint its facade ({@link ProbeApi}) forgot: what {@code TypedApiTest} must catch. */
final class ProbePlugin implements Plugin {
    @Override
    public String id() {
        return "probe";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/probe").name("probeUntyped").handler(ctx -> Map.of("ok", true)).build());
    }
}
