package dev.postern.plugin.user;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.session.Session;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * {@code GET /list-accounts} (the user's sign-in methods, without tokens or password hashes) and
 * {@code POST /unlink-account} (remove one, by the account row's {@code id}, never the last one unless
 * {@link UserOptions#allowUnlinkingAll()}; needs a fresh session).
 */
final class AccountEndpoints {
    private final UserPlugin plugin;

    AccountEndpoints(UserPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint listEndpoint() {
        return Endpoint.get("/list-accounts")
                .name("listUserAccounts")
                .summary("List all accounts linked to the user")
                .tags("User")
                .response(ResponseSchemas.arrayOf(ResponseSchemas.ACCOUNT))
                .errors("UNAUTHORIZED")
                .handler(this::list)
                .build();
    }

    Endpoint unlinkEndpoint() {
        return Endpoint.post("/unlink-account")
                .name("unlinkAccount")
                .body(Schemas.object().required("accountId", Schemas.string()))
                .summary("Unlink an account")
                .tags("User")
                .response(ResponseSchemas.STATUS)
                .errors("UNAUTHORIZED", "SESSION_NOT_FRESH", "FAILED_TO_UNLINK_LAST_ACCOUNT", "ACCOUNT_NOT_FOUND")
                .handler(this::unlink)
                .build();
    }

    private Object list(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().require(ctx);
        return postern.accounts().listFor(session.userId()).stream().map(postern.accounts()::output).toList();
    }

    private Object unlink(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireFresh(ctx);
        postern.accounts().unlink(session.userId(), ctx.bodyString("accountId").orElseThrow(),
                plugin.options().allowUnlinkingAll());
        return Map.of("status", true);
    }
}
