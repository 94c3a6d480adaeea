package dev.postern.plugin.social;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.crypto.PurposeKeys;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.endpoint.EndpointContext;
import dev.postern.json.Json;
import dev.postern.store.Row;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of an OAuth redirect flow, stored as better-auth's {@code generateGenericState} stores it so
 * either implementation can finish a flow the other started.
 *
 * <ul>
 *   <li>{@code database} (default): the data as JSON in a verification row {@code auth-state:<state>}
 *   (10 minutes) plus the {@code state} value in a signed {@code state} cookie (5 minutes), which binds the
 *   flow to the browser that started it;</li>
 *   <li>{@code cookie}: the data, with {@code oauthState}, encrypted into an {@code oauth_state} cookie
 *   (10 minutes) with the {@code oauth-state-cookie} purpose key.</li>
 * </ul>
 */
final class OAuthState {
    static final String IDENTIFIER_PREFIX = "auth-state:";
    private static final Duration ROW_TTL = Duration.ofMinutes(10);

    /** better-auth's {@code StateError} codes, redirected as {@code ?error=}. */
    static final class StateException extends RuntimeException {
        final String code;
        final String errorUrl;

        StateException(String code, String errorUrl) {
            super(code);
            this.code = code;
            this.errorUrl = errorUrl;
        }
    }

    private final SocialOptions options;

    OAuthState(SocialOptions options) {
        this.options = options;
    }

    /** The generated {@code state} value and PKCE verifier. */
    record Generated(String state, String codeVerifier) {
    }

    Generated generate(EndpointContext ctx, Map<String, Object> data) {
        Postern postern = ctx.postern();
        String state = Ids.random(32, Ids.ALPHANUMERIC);
        Map<String, Object> payload = new LinkedHashMap<>(data);
        payload.put("oauthState", state);
        if (options.storeStateStrategy() == SocialOptions.StateStrategy.COOKIE) {
            String sealed = SymmetricEncryption.forPurpose(postern.config().secrets(), PurposeKeys.OAUTH_STATE_COOKIE)
                    .encrypt(Json.write(payload));
            ctx.setCookie(postern.sessions().cookies().create("oauth_state", sealed, Duration.ofSeconds(600)));
        } else {
            ctx.setCookie(postern.sessions().cookies().signed("state", state, Duration.ofSeconds(300)));
            postern.verifications().create(IDENTIFIER_PREFIX + state, Json.write(payload), ROW_TTL);
        }
        return new Generated(state, (String) data.get("codeVerifier"));
    }

    /** The flow's data for the callback's {@code state}; throws {@link StateException} as better-auth's parse does. */
    Map<String, Object> parse(EndpointContext ctx, String state) {
        Postern postern = ctx.postern();
        Map<String, Object> data;
        if (options.storeStateStrategy() == SocialOptions.StateStrategy.COOKIE) {
            String sealed = postern.sessions().cookies().read(ctx.request(), "oauth_state")
                    .orElseThrow(() -> new StateException("state_mismatch", null));
            data = SymmetricEncryption.forPurpose(postern.config().secrets(), PurposeKeys.OAUTH_STATE_COOKIE)
                    .decrypt(sealed).flatMap(OAuthState::readJson)
                    .orElseThrow(() -> new StateException("state_invalid", null));
            if (!(data.get("oauthState") instanceof String stored) || !same(stored, state)) {
                throw new StateException("state_mismatch", errorUrl(data));
            }
            ctx.setCookie(postern.sessions().cookies().expired("oauth_state"));
        } else {
            Row row = postern.verifications().find(IDENTIFIER_PREFIX + state)
                    .orElseThrow(() -> new StateException("state_mismatch", null));
            data = readJson(row.string("value")).orElseThrow(() -> new StateException("state_invalid", null));
            if (data.get("oauthState") instanceof String stored && !same(stored, state)) {
                throw new StateException("state_mismatch", errorUrl(data));
            }
            Optional<String> cookie = postern.sessions().cookies().readSigned(ctx.request(), "state");
            if (!options.skipStateCookieCheck() && (cookie.isEmpty() || !same(cookie.get(), state))) {
                throw new StateException("state_mismatch", errorUrl(data));
            }
            ctx.setCookie(postern.sessions().cookies().expired("state"));
            postern.verifications().delete(IDENTIFIER_PREFIX + state);
        }
        if (!(data.get("expiresAt") instanceof Number expiresAt)
                || expiresAt.longValue() < postern.config().clock().millis()) {
            throw new StateException("state_mismatch", errorUrl(data));
        }
        if (!(data.get("callbackURL") instanceof String) || !(data.get("codeVerifier") instanceof String)) {
            throw new StateException("state_invalid", null);
        }
        return data;
    }

    private static String errorUrl(Map<String, Object> data) {
        return data.get("errorURL") instanceof String s ? s : null;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> readJson(String json) {
        try {
            Object value = Json.convert(Json.parse(json), Object.class);
            return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
