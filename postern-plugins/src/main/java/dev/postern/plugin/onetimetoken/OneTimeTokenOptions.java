package dev.postern.plugin.onetimetoken;

import dev.postern.endpoint.EndpointContext;
import dev.postern.session.Session;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Options of the {@code one-time-token} plugin, named as better-auth's {@code oneTimeToken({...})} names them.
 *
 * @param expiresIn how long a token lasts (better-auth: {@code expiresIn} in minutes, 3)
 * @param disableClientRequest refuse {@code /one-time-token/generate} over HTTP; server code calls
 *     {@code postern.api().call("generateOneTimeToken", ...)}
 * @param generateToken makes the token; null for 32 random URL-safe characters
 * @param disableSetSessionCookie {@code /one-time-token/verify} answers the session without setting its cookie
 * @param storeToken how the token is kept in the verification table: as is, SHA-256 hashed
 *     (base64url, no padding, as better-auth's {@code "hashed"}), or by a custom hasher
 * @param setOttHeaderOnNewSession every response that starts a session carries a fresh token in {@code set-ott}
 */
public record OneTimeTokenOptions(
        Duration expiresIn,
        boolean disableClientRequest,
        BiFunction<Session, EndpointContext, String> generateToken,
        boolean disableSetSessionCookie,
        UnaryOperator<String> storeToken,
        boolean setOttHeaderOnNewSession) {

    /** better-auth's {@code storeToken: "plain"}. */
    public static final UnaryOperator<String> PLAIN = UnaryOperator.identity();
    /** better-auth's {@code storeToken: "hashed"}. */
    public static final UnaryOperator<String> HASHED = TokenHashing::sha256;

    public OneTimeTokenOptions {
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(storeToken, "storeToken");
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn must be positive");
        }
    }

    public static OneTimeTokenOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with better-auth's defaults. */
    public static final class Builder {
        private Duration expiresIn = Duration.ofMinutes(3);
        private boolean disableClientRequest;
        private BiFunction<Session, EndpointContext, String> generateToken;
        private boolean disableSetSessionCookie;
        private UnaryOperator<String> storeToken = PLAIN;
        private boolean setOttHeaderOnNewSession;

        private Builder() {
        }

        public Builder expiresIn(Duration value) {
            this.expiresIn = value;
            return this;
        }

        public Builder disableClientRequest(boolean value) {
            this.disableClientRequest = value;
            return this;
        }

        public Builder generateToken(BiFunction<Session, EndpointContext, String> value) {
            this.generateToken = value;
            return this;
        }

        public Builder disableSetSessionCookie(boolean value) {
            this.disableSetSessionCookie = value;
            return this;
        }

        /** {@link #PLAIN}, {@link #HASHED}, or a custom hasher (better-auth's {@code {type: "custom-hasher", hash}}). */
        public Builder storeToken(UnaryOperator<String> value) {
            this.storeToken = value;
            return this;
        }

        public Builder setOttHeaderOnNewSession(boolean value) {
            this.setOttHeaderOnNewSession = value;
            return this;
        }

        public OneTimeTokenOptions build() {
            return new OneTimeTokenOptions(expiresIn, disableClientRequest, generateToken, disableSetSessionCookie,
                    storeToken, setOttHeaderOnNewSession);
        }
    }
}
