package dev.postern.plugin.username;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * {@code POST /is-username-available}: {@code {available}} for a username that passes the rules, 422 with
 * the rule's code otherwise. Like better-auth's, it says whether a username is taken: that is its purpose.
 */
final class IsUsernameAvailable {
    private final UsernameRules rules;

    IsUsernameAvailable(UsernameRules rules) {
        this.rules = rules;
    }

    Endpoint endpoint() {
        return Endpoint.post("/is-username-available")
                .name("isUsernameAvailable")
                .body(Schemas.object().required("username", Schemas.string()))
                .summary("Check whether a username is available")
                .tags("Username")
                .response(ResponseSchemas.object(Map.of("available", ResponseSchemas.bool()), "available"))
                .errors("INVALID_USERNAME", "USERNAME_TOO_SHORT", "USERNAME_TOO_LONG")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        String username = ctx.bodyString("username").orElse("");
        if (username.isEmpty()) {
            throw UsernameErrorCodes.INVALID_USERNAME.toException(Status.UNPROCESSABLE_ENTITY);
        }
        rules.violation(username).ifPresent(code -> {
            throw code.toException(Status.UNPROCESSABLE_ENTITY);
        });
        return Map.of("available", rules.findUser(ctx.postern().store(), username).isEmpty());
    }
}
