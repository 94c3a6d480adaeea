package dev.postern.plugin.jwt;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.plugin.Plugin;
import dev.postern.schema.SchemaContribution;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * better-auth's {@code jwt} plugin: asymmetric JWTs for services that cannot read Postern's session
 * cookie. {@code GET /token} and the {@code set-auth-jwt} header of {@code get-session} hand a signed-in
 * client a short-lived token (15 minutes by default) whose claims are its user; {@code GET /jwks}
 * publishes the public keys that verify it, so any resource server can check tokens without calling
 * Postern (see the {@code postern-resource-server} module). Keys live in the {@code jwks} table, private
 * keys encrypted with the secret as better-auth encrypts them, and are rotated with {@link #rotateKeys()},
 * {@code jwks.rotationInterval} or {@code postern keys rotate}.
 *
 * <pre>{@code
 * Postern.builder()...plugins(new JwtPlugin(JwtOptions.builder()
 *         .keyPairConfig(KeyPairConfig.of(JwtAlgorithm.ES256))
 *         .audience("https://api.example.com")
 *         .build()))
 * }</pre>
 */
public final class JwtPlugin implements Plugin {
    public static final String ID = "jwt";

    private final JwtOptions options;
    private volatile SigningKeys keys;
    private volatile JwtTokens tokens;

    public JwtPlugin() {
        this(JwtOptions.defaults());
    }

    public JwtPlugin(JwtOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public JwtOptions options() {
        return options;
    }

    @Override
    public SchemaContribution schema() {
        return JwksTable.schema();
    }

    @Override
    public List<Endpoint> endpoints() {
        return new JwtEndpoints(options, this).all();
    }

    @Override
    public List<Hook> afterHooks() {
        if (options.disableSettingJwtHeader()) {
            return List.of();
        }
        return List.of(new Hook(JwtHeaderHook::isGetSession, new JwtHeaderHook(this)));
    }

    @Override
    public void init(Postern postern) {
        SigningKeys signingKeys = new SigningKeys(options, postern);
        this.tokens = new JwtTokens(options, signingKeys, postern);
        this.keys = signingKeys;
    }

    /** Rotates the signing key now (see {@link SigningKeys#rotate()}); returns the new key. */
    public StoredKey rotateKeys() {
        return keys().rotate();
    }

    /** The key store, for rotation and inspection; available once the instance is built. */
    public SigningKeys keys() {
        return Objects.requireNonNull(keys, "the jwt plugin is not initialised: build the Postern instance first");
    }

    /** Signs and verifies tokens; available once the instance is built. */
    public JwtTokens tokens() {
        return Objects.requireNonNull(tokens, "the jwt plugin is not initialised: build the Postern instance first");
    }

    /** better-auth's {@code verifyJWT}: the claims of a valid token signed by one of the stored keys. */
    public Optional<Map<String, Object>> verifyJWT(String token) {
        return tokens().verify(token, Optional.empty());
    }
}
