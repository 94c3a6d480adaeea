package dev.postern.plugin.username;

import dev.postern.error.ErrorCode;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.util.Optional;

/**
 * The rules every username passes, in better-auth's order: length, then the validator, each on the
 * username before or after normalisation as {@code validationOrder} says; and the normalisations
 * applied before a username is stored or looked up.
 */
final class UsernameRules {
    static final String USERNAME = "username";
    static final String DISPLAY_USERNAME = "displayUsername";

    private final UsernameOptions options;

    UsernameRules(UsernameOptions options) {
        this.options = options;
    }

    UsernameOptions options() {
        return options;
    }

    /** The code of the first rule {@code username} breaks, or empty when it passes. */
    Optional<ErrorCode> violation(String username) {
        String checked = options.usernameValidationOrder() == UsernameOptions.ValidationOrder.POST_NORMALIZATION
                ? normalize(username) : username;
        // better-auth measures JavaScript string length: UTF-16 code units, as String.length() does.
        if (checked.length() < options.minUsernameLength()) {
            return Optional.of(UsernameErrorCodes.USERNAME_TOO_SHORT);
        }
        if (checked.length() > options.maxUsernameLength()) {
            return Optional.of(UsernameErrorCodes.USERNAME_TOO_LONG);
        }
        if (!options.usernameValidator().test(checked)) {
            return Optional.of(UsernameErrorCodes.INVALID_USERNAME);
        }
        return Optional.empty();
    }

    /** Whether a display username passes {@code displayUsernameValidator} (always, when there is none). */
    boolean displayUsernameValid(String displayUsername) {
        if (options.displayUsernameValidator() == null) {
            return true;
        }
        String checked = options.displayUsernameValidationOrder() == UsernameOptions.ValidationOrder.POST_NORMALIZATION
                ? normalizeDisplay(displayUsername) : displayUsername;
        return options.displayUsernameValidator().test(checked);
    }

    String normalize(String username) {
        return options.usernameNormalization().apply(username);
    }

    String normalizeDisplay(String displayUsername) {
        return options.displayUsernameNormalization().apply(displayUsername);
    }

    /** The user holding {@code username} once normalised. */
    Optional<Row> findUser(Store store, String username) {
        return store.findOne(CoreSchema.USER, Where.eq(USERNAME, normalize(username)));
    }
}
