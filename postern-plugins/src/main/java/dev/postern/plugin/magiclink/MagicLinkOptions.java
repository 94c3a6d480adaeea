package dev.postern.plugin.magiclink;

import dev.postern.crypto.KeyHashes;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Settings of {@link MagicLinkPlugin}, better-auth's {@code magicLink} options with its defaults:
 * <pre>{@code
 * MagicLinkOptions.builder().expiresIn(Duration.ofMinutes(10)).storeToken(MagicLinkOptions.HASHED).build()
 * }</pre>
 *
 * @param expiresIn how long a link works (5 minutes)
 * @param disableSignUp refuse links for addresses without an account instead of creating one
 * @param storeToken how the token is kept in the {@code verification} identifier: {@link #PLAIN} (default),
 *                   {@link #HASHED} (better-auth's SHA-256 base64url) or any custom hasher
 * @param rateLimitWindow window of the rate-limit rule on both endpoints (60 s)
 * @param rateLimitMax requests per client and window (5)
 * @param sendMagicLink delivers the link; null mails it with Postern's mailer
 * @param generateToken makes the token from the address; null for 32 random letters
 */
public record MagicLinkOptions(Duration expiresIn, boolean disableSignUp, UnaryOperator<String> storeToken,
                               Duration rateLimitWindow, int rateLimitMax, MagicLinkSender sendMagicLink,
                               UnaryOperator<String> generateToken) {
    /** {@code storeToken: "plain"}: the token itself is the key. */
    public static final UnaryOperator<String> PLAIN = UnaryOperator.identity();
    /** {@code storeToken: "hashed"}: only a SHA-256 digest of the token is stored. */
    public static final UnaryOperator<String> HASHED = KeyHashes::sha256;

    public MagicLinkOptions {
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(storeToken, "storeToken");
        Objects.requireNonNull(rateLimitWindow, "rateLimitWindow");
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("expiresIn: must be positive, was " + expiresIn);
        }
        if (rateLimitWindow.isNegative() || rateLimitWindow.isZero() || rateLimitMax < 1) {
            throw new IllegalArgumentException("rateLimit: window and max must be positive");
        }
    }

    public static MagicLinkOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; every one has better-auth's default. */
    public static final class Builder {
        private Duration expiresIn = Duration.ofMinutes(5);
        private boolean disableSignUp;
        private UnaryOperator<String> storeToken = PLAIN;
        private Duration rateLimitWindow = Duration.ofSeconds(60);
        private int rateLimitMax = 5;
        private MagicLinkSender sendMagicLink;
        private UnaryOperator<String> generateToken;

        private Builder() {
        }

        public Builder expiresIn(Duration value) {
            this.expiresIn = value;
            return this;
        }

        public Builder disableSignUp(boolean value) {
            this.disableSignUp = value;
            return this;
        }

        public Builder storeToken(UnaryOperator<String> value) {
            this.storeToken = value;
            return this;
        }

        public Builder rateLimit(Duration window, int max) {
            this.rateLimitWindow = window;
            this.rateLimitMax = max;
            return this;
        }

        public Builder sendMagicLink(MagicLinkSender value) {
            this.sendMagicLink = value;
            return this;
        }

        public Builder generateToken(UnaryOperator<String> value) {
            this.generateToken = value;
            return this;
        }

        public MagicLinkOptions build() {
            return new MagicLinkOptions(expiresIn, disableSignUp, storeToken, rateLimitWindow, rateLimitMax,
                    sendMagicLink, generateToken);
        }
    }
}
