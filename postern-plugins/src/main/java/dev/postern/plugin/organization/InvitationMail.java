package dev.postern.plugin.organization;

import dev.postern.endpoint.EndpointContext;
import dev.postern.mail.MailKind;
import dev.postern.plugin.emailpassword.AuthMails;
import dev.postern.store.Row;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers an invitation: through the application's {@link InvitationSender} when it set one (better-auth's
 * {@code sendInvitationEmail}), otherwise as the {@link MailKind#ORGANIZATION_INVITATION} e-mail through
 * Postern's mailer. The link points at the application's accept page, which calls
 * {@code /organization/accept-invitation} with the id, as better-auth's documented flow does.
 */
final class InvitationMail {
    private InvitationMail() {
    }

    static String url(EndpointContext ctx, OrganizationOptions options, String invitationId) {
        URI base = ctx.postern().config().baseUrl();
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        return options.invitationUrl().replace("{origin}", origin).replace("{id}", invitationId);
    }

    static void send(EndpointContext ctx, OrganizationOptions options, Row invitation, Map<String, Object> organization,
                     Row inviter) {
        String url = url(ctx, options, invitation.id());
        if (options.sendInvitationEmail() != null) {
            options.sendInvitationEmail().send(invitation, organization, inviter, url);
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("url", url);
        variables.put("email", invitation.string("email"));
        variables.put("organizationName", String.valueOf(organization.get("name")));
        variables.put("inviterName", inviter.string("name") == null ? "" : inviter.string("name"));
        variables.put("inviterEmail", inviter.string("email"));
        variables.put("role", invitation.string("role"));
        variables.put("invitationId", invitation.id());
        AuthMails.send(ctx.postern().config(), MailKind.ORGANIZATION_INVITATION, invitation.string("email"), variables);
    }
}
