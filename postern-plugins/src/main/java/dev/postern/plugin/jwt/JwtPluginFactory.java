package dev.postern.plugin.jwt;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Enables {@link JwtPlugin} in the standalone server ({@code POSTERN_PLUGINS=jwt}), with better-auth's
 * option names (durations in seconds, as better-auth's):
 * <pre>{@code
 * plugins:
 *   jwt:
 *     jwks:
 *       jwksPath: /jwks
 *       keyPairConfig: { alg: ES256 }        # EdDSA (default), ES256, ES512, RS256, PS256; modulusLength for RSA
 *       rotationInterval: 7776000            # a key signs for 90 days...
 *       gracePeriod: 2592000                 # ...and is published 30 days longer
 *       disablePrivateKeyEncryption: false
 *       keyCacheTtl: 30                      # Postern's: re-read the jwks table after this long
 *     jwt: { issuer: https://auth.example.com, audience: https://api.example.com, expirationTime: 15m }
 *     disableSettingJwtHeader: false
 * }</pre>
 * {@code definePayload} and {@code getSubject} are functions, so they are Java-only ({@link JwtOptions}).
 */
public final class JwtPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return JwtPlugin.ID;
    }

    @Override
    public String description() {
        return "JWTs for other services: GET /token, set-auth-jwt on get-session, GET /jwks, key rotation";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        JwtOptions.Builder builder = JwtOptions.builder();
        PluginOptions jwks = options.section("jwks");
        builder.jwksPath(jwks.string("jwksPath", JwtOptions.DEFAULT_JWKS_PATH));
        PluginOptions keyPair = jwks.section("keyPairConfig");
        String algName = keyPair.string("alg", JwtAlgorithm.EDDSA.jwaName());
        JwtAlgorithm alg = JwtAlgorithm.named(algName).orElseThrow(() -> new IllegalArgumentException(
                "plugins.jwt.jwks.keyPairConfig.alg must be one of EdDSA, ES256, ES512, RS256, PS256, got " + algName));
        String crv = keyPair.string("crv", null);
        int modulusLength = keyPair.integer("modulusLength", KeyPairConfig.DEFAULT_MODULUS_LENGTH);
        builder.keyPairConfig(alg == JwtAlgorithm.EDDSA && crv == null ? KeyPairConfig.defaults()
                : new KeyPairConfig(alg, Optional.ofNullable(crv), modulusLength));
        builder.disablePrivateKeyEncryption(jwks.bool("disablePrivateKeyEncryption", false));
        Duration rotation = jwks.seconds("rotationInterval", null);
        if (rotation != null) {
            builder.rotationInterval(rotation);
        }
        builder.gracePeriod(jwks.seconds("gracePeriod", JwtOptions.DEFAULT_GRACE_PERIOD));
        builder.keyCacheTtl(jwks.seconds("keyCacheTtl", JwtOptions.DEFAULT_KEY_CACHE_TTL));
        PluginOptions jwt = options.section("jwt");
        String issuer = jwt.string("issuer", null);
        if (issuer != null) {
            builder.issuer(issuer);
        }
        String audience = jwt.string("audience", null);
        if (audience != null) {
            builder.audience(audience);
        }
        builder.expirationTime(jwt.string("expirationTime", JwtOptions.DEFAULT_EXPIRATION_TIME));
        builder.disableSettingJwtHeader(options.bool("disableSettingJwtHeader", false));
        options.rejectUnknown();
        return new JwtPlugin(builder.build());
    }
}
