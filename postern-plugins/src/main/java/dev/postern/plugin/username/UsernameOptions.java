package dev.postern.plugin.username;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Options of the {@code username} plugin, named as better-auth's {@code username({...})} names them.
 *
 * @param minUsernameLength shortest username accepted (3)
 * @param maxUsernameLength longest username accepted (30)
 * @param usernameValidator extra rule a username must pass; default letters, digits, {@code _} and {@code .}
 * @param usernameNormalization how a username is stored and looked up; default lower-case, identity when
 *     better-auth's {@code usernameNormalization: false}
 * @param displayUsernameNormalization how a display username is stored; default unchanged
 * @param displayUsernameValidator rule a display username must pass, or null for none
 * @param usernameValidationOrder whether rules see the username before or after normalisation
 * @param displayUsernameValidationOrder the same for the display username
 * @param displayUsername whether the {@code displayUsername} field exists (true)
 * @param immutableUsername refuse changing a username once set, in {@code /update-user}
 */
public record UsernameOptions(
        int minUsernameLength,
        int maxUsernameLength,
        Predicate<String> usernameValidator,
        UnaryOperator<String> usernameNormalization,
        UnaryOperator<String> displayUsernameNormalization,
        Predicate<String> displayUsernameValidator,
        ValidationOrder usernameValidationOrder,
        ValidationOrder displayUsernameValidationOrder,
        boolean displayUsername,
        boolean immutableUsername) {

    /** better-auth's default rule: {@code /^[a-zA-Z0-9_.]+$/}. */
    public static final Pattern DEFAULT_USERNAME_PATTERN = Pattern.compile("[a-zA-Z0-9_.]+");
    /** better-auth's default normalisation. */
    public static final UnaryOperator<String> LOWER_CASE = s -> s.toLowerCase(Locale.ROOT);

    /** {@code validationOrder.username} / {@code validationOrder.displayUsername}. */
    public enum ValidationOrder { PRE_NORMALIZATION, POST_NORMALIZATION }

    public UsernameOptions {
        if (minUsernameLength < 0 || maxUsernameLength < minUsernameLength) {
            throw new IllegalArgumentException("minUsernameLength must be >= 0 and <= maxUsernameLength");
        }
        Objects.requireNonNull(usernameValidator, "usernameValidator");
        Objects.requireNonNull(usernameNormalization, "usernameNormalization");
        Objects.requireNonNull(displayUsernameNormalization, "displayUsernameNormalization");
        Objects.requireNonNull(usernameValidationOrder, "usernameValidationOrder");
        Objects.requireNonNull(displayUsernameValidationOrder, "displayUsernameValidationOrder");
    }

    public static UsernameOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with better-auth's defaults. */
    public static final class Builder {
        private int minUsernameLength = 3;
        private int maxUsernameLength = 30;
        private Predicate<String> usernameValidator = s -> DEFAULT_USERNAME_PATTERN.matcher(s).matches();
        private UnaryOperator<String> usernameNormalization = LOWER_CASE;
        private UnaryOperator<String> displayUsernameNormalization = UnaryOperator.identity();
        private Predicate<String> displayUsernameValidator;
        private ValidationOrder usernameValidationOrder = ValidationOrder.PRE_NORMALIZATION;
        private ValidationOrder displayUsernameValidationOrder = ValidationOrder.PRE_NORMALIZATION;
        private boolean displayUsername = true;
        private boolean immutableUsername;

        private Builder() {
        }

        public Builder minUsernameLength(int value) {
            this.minUsernameLength = value;
            return this;
        }

        public Builder maxUsernameLength(int value) {
            this.maxUsernameLength = value;
            return this;
        }

        public Builder usernameValidator(Predicate<String> value) {
            this.usernameValidator = value;
            return this;
        }

        /** A custom normalisation; {@link UnaryOperator#identity()} is better-auth's {@code false}. */
        public Builder usernameNormalization(UnaryOperator<String> value) {
            this.usernameNormalization = value;
            return this;
        }

        public Builder displayUsernameNormalization(UnaryOperator<String> value) {
            this.displayUsernameNormalization = value;
            return this;
        }

        public Builder displayUsernameValidator(Predicate<String> value) {
            this.displayUsernameValidator = value;
            return this;
        }

        public Builder validationOrder(ValidationOrder username, ValidationOrder displayUsername) {
            this.usernameValidationOrder = username;
            this.displayUsernameValidationOrder = displayUsername;
            return this;
        }

        public Builder displayUsername(boolean value) {
            this.displayUsername = value;
            return this;
        }

        public Builder immutableUsername(boolean value) {
            this.immutableUsername = value;
            return this;
        }

        public UsernameOptions build() {
            return new UsernameOptions(minUsernameLength, maxUsernameLength, usernameValidator, usernameNormalization,
                    displayUsernameNormalization, displayUsernameValidator, usernameValidationOrder,
                    displayUsernameValidationOrder, displayUsername, immutableUsername);
        }
    }
}
