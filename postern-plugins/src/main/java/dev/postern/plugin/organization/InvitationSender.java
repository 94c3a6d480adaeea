package dev.postern.plugin.organization;

import dev.postern.store.Row;
import java.util.Map;

/**
 * better-auth's {@code sendInvitationEmail}: delivers an invitation yourself (your own e-mail service, a
 * chat message) instead of Postern's mailer. Called after the invitation is stored, and again on a resend.
 */
@FunctionalInterface
public interface InvitationSender {

    /**
     * @param invitation the stored invitation (id, email, role, organizationId, status, expiresAt, ...)
     * @param organization the organization as the wire shows it
     * @param inviter the inviting user
     * @param url the accept link built from {@link OrganizationOptions#invitationUrl()}
     */
    void send(Row invitation, Map<String, Object> organization, Row inviter, String url);
}
