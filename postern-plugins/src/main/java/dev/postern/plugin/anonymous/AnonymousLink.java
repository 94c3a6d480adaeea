package dev.postern.plugin.anonymous;

import dev.postern.endpoint.EndpointContext;
import dev.postern.session.Session;

/**
 * What {@link AnonymousOptions#onLinkAccount()} receives when an anonymous user signs in or up for real:
 * better-auth's {@code {anonymousUser, newUser, ctx}}. Move the anonymous user's data (carts, drafts) to
 * {@code newSession.user()} here; the anonymous user is deleted right after, unless
 * {@code disableDeleteAnonymousUser}.
 *
 * @param anonymousSession the anonymous user's session and user, as the request carried them
 * @param newSession the session just created and its user
 * @param ctx the call that signed the user in
 */
public record AnonymousLink(Session anonymousSession, Session newSession, EndpointContext ctx) {
}
