package dev.postern.plugin.admin;

import dev.postern.http.Status;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A role as clients send it, {@code "admin"} or {@code ["admin", "support"]}, turned into the column
 * better-auth stores ({@code "admin,support"}). With configured roles, a name they do not hold is 400
 * {@code YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE}; anything but strings is 400 {@code INVALID_ROLE_TYPE}.
 */
final class RoleInput {
    private RoleInput() {
    }

    static String column(JsonNode value, AdminOptions options) {
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                names.add(name(item));
            }
        } else {
            names.add(name(value));
        }
        if (options.roles() != null) {
            for (String name : names) {
                if (!options.roles().containsKey(name)) {
                    throw AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE.toException(Status.BAD_REQUEST);
                }
            }
        }
        return String.join(",", names);
    }

    private static String name(JsonNode item) {
        if (!item.isString()) {
            throw AdminErrorCodes.INVALID_ROLE_TYPE.toException(Status.BAD_REQUEST);
        }
        return item.stringValue();
    }
}
