package dev.postern.plugin.magiclink;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.json.Json;
import dev.postern.mail.MailKind;
import dev.postern.plugin.emailpassword.AuthMails;
import dev.postern.validation.Schemas;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /sign-in/magic-link}: stores a single-use token for the address and sends the link. The
 * answer is {@code {status:true}} whether or not the address has an account (the link itself decides,
 * when opened, whether to sign up), so it tells nothing about who is registered.
 */
final class MagicLinkRequest {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final MagicLinkOptions options;

    MagicLinkRequest(MagicLinkOptions options) {
        this.options = options;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-in/magic-link")
                .name("signInMagicLink")
                .body(Schemas.object()
                        .required("email", Schemas.email())
                        .optional("name", Schemas.string())
                        .optional("callbackURL", Schemas.string())
                        .optional("newUserCallbackURL", Schemas.string())
                        .optional("errorCallbackURL", Schemas.string())
                        .optional("metadata", Schemas.record()))
                .acceptForms()
                .formCsrf()
                .summary("Sign in with magic link")
                .tags("Magic link")
                .response(ResponseSchemas.STATUS)
                .errors("INVALID_CALLBACK_URL", "INVALID_NEW_USER_CALLBACK_URL", "INVALID_ERROR_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        String email = ctx.bodyString("email").orElseThrow();
        String token = options.generateToken() != null ? options.generateToken().apply(email) : Ids.random(32, LETTERS);
        ObjectNode record = Json.object();
        record.put("type", "magic-link");
        record.put("email", email);
        ctx.bodyString("name").ifPresent(name -> record.put("name", name));
        Postern postern = ctx.postern();
        postern.verifications().create(MagicLinkPlugin.identifier(options.storeToken().apply(token)),
                Json.write(record), options.expiresIn());

        StringBuilder url = new StringBuilder(postern.config().authUrl()).append("/magic-link/verify")
                .append("?token=").append(encode(token))
                .append("&callbackURL=").append(encode(ctx.bodyString("callbackURL").filter(s -> !s.isEmpty()).orElse("/")));
        ctx.bodyString("newUserCallbackURL").filter(s -> !s.isEmpty())
                .ifPresent(u -> url.append("&newUserCallbackURL=").append(encode(u)));
        ctx.bodyString("errorCallbackURL").filter(s -> !s.isEmpty())
                .ifPresent(u -> url.append("&errorCallbackURL=").append(encode(u)));
        MagicLinkSender.MagicLink link = new MagicLinkSender.MagicLink(email, url.toString(), token, metadata(ctx));
        if (options.sendMagicLink() != null) {
            options.sendMagicLink().send(link, ctx);
        } else {
            AuthMails.send(postern.config(), MailKind.MAGIC_LINK, email,
                    AuthMails.variables(link.url(), null, email, null));
        }
        return Map.of("status", true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(EndpointContext ctx) {
        JsonNode node = ctx.body().get("metadata");
        return node != null && node.isObject() ? Json.convert(node, LinkedHashMap.class) : Map.of();
    }

    // URLEncoder's form encoding is URLSearchParams' encoding, which better-auth builds the link with.
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
