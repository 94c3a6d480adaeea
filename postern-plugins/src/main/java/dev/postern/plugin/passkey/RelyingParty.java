package dev.postern.plugin.passkey;

import dev.postern.PosternConfig;
import dev.postern.endpoint.EndpointContext;
import java.util.List;

/**
 * Who the ceremonies are for, resolved as better-auth resolves it: the relying party id is {@code rpID},
 * else the base URL's host; the expected origins are {@code origin}, else the request's {@code Origin}
 * header (a browser sets it and cannot be made to lie about it, and the same value is inside the signed
 * client data the authenticator returns).
 */
final class RelyingParty {
    private final PasskeyOptions options;

    RelyingParty(PasskeyOptions options) {
        this.options = options;
    }

    String id(PosternConfig config) {
        if (options.rpID() != null && !options.rpID().isBlank()) {
            return options.rpID();
        }
        String host = config.baseUrl().getHost();
        return host == null || host.isEmpty() ? "localhost" : host;
    }

    String name(PosternConfig config) {
        return options.rpName() != null && !options.rpName().isBlank() ? options.rpName() : config.appName();
    }

    /** The origins a response may come from; empty when neither the options nor the request name one. */
    List<String> expectedOrigins(EndpointContext ctx) {
        if (!options.origin().isEmpty()) {
            return options.origin();
        }
        return ctx.request().header("Origin").filter(o -> !o.isEmpty()).map(List::of).orElse(List.of());
    }
}
