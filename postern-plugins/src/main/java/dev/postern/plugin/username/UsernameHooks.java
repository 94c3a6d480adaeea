package dev.postern.plugin.username;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Hook;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.session.Session;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where usernames enter: before-hooks on {@code /sign-up/email} and {@code /update-user} check them
 * (rules, uniqueness, immutability) with better-auth's 400 codes before the core handler writes anything,
 * and database hooks on the user table normalise whatever is written, from any endpoint, as better-auth's
 * field {@code transform.input} does.
 *
 * <p>Departure: better-auth's database hooks also validate usernames written outside those two endpoints
 * (an admin creating a user, say). Postern's database hooks run inside the caller's transaction and see no
 * request, so they normalise only; the unique constraint on {@code user.username} still refuses a taken one.
 */
final class UsernameHooks {
    private static final String SIGN_UP = "/sign-up/email";
    private static final String UPDATE_USER = "/update-user";

    private final UsernameRules rules;

    UsernameHooks(UsernameRules rules) {
        this.rules = rules;
    }

    List<Hook> beforeHooks() {
        return List.of(
                Hook.onPaths(Set.of(SIGN_UP), this::usernameFromDisplayUsername),
                Hook.onPaths(Set.of(SIGN_UP, UPDATE_USER), this::validate),
                Hook.onPaths(Set.of(SIGN_UP), this::displayUsernameFromUsername));
    }

    /** Sign-up with only a display username: it becomes the username too, when it would pass as one. */
    private Object usernameFromDisplayUsername(EndpointContext ctx) {
        ObjectNode body = ctx.body();
        JsonNode display = body.get(UsernameRules.DISPLAY_USERNAME);
        if (display != null && display.isString() && !body.has(UsernameRules.USERNAME)
                && rules.violation(display.stringValue()).isEmpty()) {
            body.put(UsernameRules.USERNAME, display.stringValue());
        }
        return null;
    }

    private Object validate(EndpointContext ctx) {
        ObjectNode body = ctx.body();
        JsonNode username = body.get(UsernameRules.USERNAME);
        if (username != null && username.isString()) {
            checkUsername(ctx, username.stringValue());
        }
        JsonNode display = body.get(UsernameRules.DISPLAY_USERNAME);
        if (rules.options().displayUsername() && display != null && display.isString()
                && !rules.displayUsernameValid(display.stringValue())) {
            throw UsernameErrorCodes.INVALID_DISPLAY_USERNAME.toException(Status.BAD_REQUEST);
        }
        return null;
    }

    private void checkUsername(EndpointContext ctx, String username) {
        rules.violation(username).ifPresent(code -> {
            throw code.toException(Status.BAD_REQUEST);
        });
        String normalized = rules.normalize(username);
        boolean update = ctx.endpoint().path().equals(UPDATE_USER);
        Optional<Session> session = update ? ctx.postern().sessions().current(ctx) : Optional.empty();
        if (update && session.isEmpty()) {
            // Departure: better-auth answers "taken" here before its session check; Postern lets the
            // handler answer 401 first, so a signed-out caller learns nothing about who holds a username.
            return;
        }
        if (update && rules.options().immutableUsername()) {
            String current = session.map(s -> s.user().string(UsernameRules.USERNAME)).orElse(null);
            if (current != null && !current.isEmpty() && !current.equals(normalized)) {
                throw UsernameErrorCodes.USERNAME_IS_IMMUTABLE.toException(Status.BAD_REQUEST);
            }
        }
        Optional<Row> holder = rules.findUser(ctx.postern().store(), username);
        boolean takenBySomeoneElse = holder.isPresent() && (!update || !holder.get().id().equals(session.get().userId()));
        if (takenBySomeoneElse) {
            throw UsernameErrorCodes.USERNAME_IS_ALREADY_TAKEN.toException(Status.BAD_REQUEST);
        }
    }

    /** Sign-up with a username and no display username: the display username is the username as typed. */
    private Object displayUsernameFromUsername(EndpointContext ctx) {
        ObjectNode body = ctx.body();
        JsonNode username = body.get(UsernameRules.USERNAME);
        JsonNode display = body.get(UsernameRules.DISPLAY_USERNAME);
        boolean hasUsername = username != null && username.isString() && !username.stringValue().isEmpty();
        boolean hasDisplay = display != null && display.isString() && !display.stringValue().isEmpty();
        if (rules.options().displayUsername() && hasUsername && !hasDisplay) {
            body.put(UsernameRules.DISPLAY_USERNAME, username.stringValue());
        }
        return null;
    }

    DatabaseHooks databaseHooks() {
        return DatabaseHooks.create()
                .beforeCreate(CoreSchema.USER, this::normalizeOnCreate)
                .beforeUpdate(CoreSchema.USER, this::normalizeOnUpdate);
    }

    private Map<String, Object> normalizeOnCreate(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        Object display = data.get(UsernameRules.DISPLAY_USERNAME);
        if (data.get(UsernameRules.USERNAME) instanceof String username && !username.isEmpty()) {
            out.put(UsernameRules.USERNAME, rules.normalize(username));
            if (rules.options().displayUsername()) {
                String shown = display instanceof String s && !s.isEmpty() ? s : username;
                out.put(UsernameRules.DISPLAY_USERNAME, rules.normalizeDisplay(shown));
            }
        } else if (rules.options().displayUsername() && display instanceof String s && !s.isEmpty()) {
            out.put(UsernameRules.DISPLAY_USERNAME, rules.normalizeDisplay(s));
        }
        return out;
    }

    private Map<String, Object> normalizeOnUpdate(Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        if (data.get(UsernameRules.USERNAME) instanceof String username && !username.isEmpty()) {
            out.put(UsernameRules.USERNAME, rules.normalize(username));
        }
        if (rules.options().displayUsername() && data.get(UsernameRules.DISPLAY_USERNAME) instanceof String s && !s.isEmpty()) {
            out.put(UsernameRules.DISPLAY_USERNAME, rules.normalizeDisplay(s));
        }
        return out;
    }
}
