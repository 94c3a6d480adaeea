package dev.postern.plugin.multisession;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import java.util.List;
import java.util.Objects;

/**
 * better-auth's {@code multi-session} plugin: one browser signed in to several accounts at once. Each
 * sign-in also sets a signed {@code <session_token cookie>_multi-<token>} cookie; the device lists its
 * accounts ({@code GET /multi-session/list-device-sessions}), switches between them
 * ({@code POST /multi-session/set-active}), signs one out ({@code POST /multi-session/revoke}), and
 * {@code /sign-out} signs all of them out.
 *
 * <pre>{@code
 * new MultiSessionPlugin(new MultiSessionOptions(3))
 * }</pre>
 */
public final class MultiSessionPlugin implements Plugin {
    public static final String ID = "multi-session";

    private final MultiSessionOptions options;

    public MultiSessionPlugin() {
        this(MultiSessionOptions.defaults());
    }

    public MultiSessionPlugin(MultiSessionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public MultiSessionOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        return DeviceSessionEndpoints.all();
    }

    @Override
    public List<Hook> afterHooks() {
        return new DeviceSessionHooks(options).afterHooks();
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return List.of(MultiSessionErrorCodes.INVALID_SESSION_TOKEN);
    }
}
