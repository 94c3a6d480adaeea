package dev.postern.plugin.magiclink;

import dev.postern.endpoint.EndpointContext;
import java.util.Map;

/**
 * better-auth's {@code sendMagicLink}: delivers a sign-in link. Without one, Postern mails the link with its
 * mailer and the {@code MAGIC_LINK} template. A failure thrown here fails the request, as an awaited sender
 * does in better-auth.
 */
@FunctionalInterface
public interface MagicLinkSender {

    void send(MagicLink link, EndpointContext ctx);

    /**
     * One link to deliver.
     *
     * @param email the address it was requested for
     * @param url the full verification link ({@code <authUrl>/magic-link/verify?token=...&callbackURL=...})
     * @param token the token inside the link, for senders that build their own URL
     * @param metadata the caller's {@code metadata} object, or an empty map
     */
    record MagicLink(String email, String url, String token, Map<String, Object> metadata) {
    }
}
