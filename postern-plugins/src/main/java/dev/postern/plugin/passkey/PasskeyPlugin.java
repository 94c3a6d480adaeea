package dev.postern.plugin.passkey;

import dev.postern.endpoint.Endpoint;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.schema.SchemaContribution;
import java.util.List;
import java.util.Objects;

/**
 * Passkeys (WebAuthn), wire-compatible with {@code @better-auth/passkey}: the same endpoints, challenge
 * cookie and {@code passkey} table, so {@code passkeyClient()} from {@code @better-auth/passkey/client} works
 * unchanged and passkeys registered through better-auth keep signing in. Attestations and assertions are
 * verified by webauthn4j.
 *
 * <pre>{@code
 * PosternConfig.builder()...plugin(new PasskeyPlugin(PasskeyOptions.of("example.com", "Example", "https://example.com")))
 * }</pre>
 *
 * <p>Endpoints: {@code GET /passkey/generate-register-options}, {@code POST /passkey/verify-registration},
 * {@code GET /passkey/generate-authenticate-options}, {@code POST /passkey/verify-authentication},
 * {@code GET /passkey/list-user-passkeys}, {@code POST /passkey/delete-passkey}, {@code POST /passkey/update-passkey}.
 */
public final class PasskeyPlugin implements Plugin {
    public static final String ID = "passkey";

    private final PasskeyOptions options;

    public PasskeyPlugin() {
        this(PasskeyOptions.defaults());
    }

    public PasskeyPlugin(PasskeyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public PasskeyOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        RelyingParty relyingParty = new RelyingParty(options);
        Challenges challenges = new Challenges(options);
        WebAuthn webAuthn = new WebAuthn();
        Registration registration = new Registration(options, relyingParty, challenges, webAuthn);
        Authentication authentication = new Authentication(relyingParty, challenges, webAuthn);
        return List.of(
                registration.optionsEndpoint(),
                authentication.optionsEndpoint(),
                registration.verifyEndpoint(),
                authentication.verifyEndpoint(),
                Management.listEndpoint(),
                Management.deleteEndpoint(),
                Management.updateEndpoint());
    }

    @Override
    public SchemaContribution schema() {
        return SchemaContribution.tables(PasskeySchema.table());
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return PasskeyErrorCodes.all();
    }
}
