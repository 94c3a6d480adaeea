package dev.postern.plugin.organization;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.access.Permissions;
import dev.postern.schema.SchemaContribution;
import dev.postern.session.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * better-auth's {@code organization} plugin: organizations with members and roles, an active organization
 * on the session, permission checks against {@link dev.postern.plugin.access} roles, and optionally teams
 * and roles stored per organization. Every endpoint works only inside the organizations the caller belongs
 * to: ids of another organization's members, invitations, teams or roles read as "not found".
 *
 * <pre>{@code
 * PosternConfig.builder()...plugins(CorePlugins.defaults()).plugin(new OrganizationPlugin(OrganizationOptions.builder()
 *         .organizationLimit(5)
 *         .membershipLimit(50)
 *         .build()))
 * }</pre>
 */
public final class OrganizationPlugin implements Plugin {
    public static final String ID = "organization";

    private final OrganizationOptions options;
    private final OrganizationPermissions permissions;

    public OrganizationPlugin() {
        this(OrganizationOptions.defaults());
    }

    public OrganizationPlugin(OrganizationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.permissions = new OrganizationPermissions(options);
    }

    @Override
    public String id() {
        return ID;
    }

    public OrganizationOptions options() {
        return options;
    }

    OrganizationPermissions permissions() {
        return permissions;
    }

    OrganizationData data(EndpointContext ctx) {
        return data(ctx.postern());
    }

    private OrganizationData data(Postern postern) {
        return new OrganizationData(postern.schema(), postern.store(), options);
    }

    /**
     * What a user may do in an organization, for an application's own authorization checks (the Spring
     * starter's authorities): the member's roles and all they grant, configured and stored roles alike,
     * resolved as {@code has-permission} resolves them. Empty when the user is not a member. Two reads at
     * most: the member, and with dynamic access control the organization's stored roles.
     */
    public Optional<MemberAccess> memberAccess(Postern postern, String userId, String organizationId) {
        Objects.requireNonNull(postern, "postern");
        if (userId == null || organizationId == null) {
            return Optional.empty();
        }
        OrganizationData data = data(postern);
        return data.member(userId, organizationId).map(member -> {
            List<String> roles = Permissions.roleNames(member.string("role"));
            return new MemberAccess(organizationId, member.id(), roles,
                    Permissions.granted(roles, permissions.rolesOf(data, organizationId)));
        });
    }

    static Optional<String> activeOrganizationId(Session session) {
        return Optional.ofNullable(session.session().string(OrganizationSchema.ACTIVE_ORGANIZATION_ID));
    }

    /** Sets (or with null clears) the session's active organization; returns the updated session. */
    static Session setActiveOrganization(EndpointContext ctx, Session session, String organizationId) {
        Map<String, Object> values = new HashMap<>();
        values.put(OrganizationSchema.ACTIVE_ORGANIZATION_ID, organizationId);
        return ctx.postern().sessions().update(session.token(), values).map(session::withSession).orElse(session);
    }

    /** Sets (or with null clears) the session's active team; returns the updated session. */
    static Session setActiveTeam(EndpointContext ctx, Session session, String teamId) {
        Map<String, Object> values = new HashMap<>();
        values.put(OrganizationSchema.ACTIVE_TEAM_ID, teamId);
        return ctx.postern().sessions().update(session.token(), values).map(session::withSession).orElse(session);
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(new OrganizationEndpoints(this).endpoints());
        endpoints.addAll(new MemberEndpoints(this).endpoints());
        endpoints.addAll(new InvitationEndpoints(this).endpoints());
        if (options.teams().enabled()) {
            endpoints.addAll(new TeamEndpoints(this).endpoints());
        }
        if (options.dynamicAccessControl().enabled()) {
            endpoints.addAll(new RoleEndpoints(this).endpoints());
        }
        endpoints.add(new HasPermission(this).endpoint());
        return endpoints;
    }

    @Override
    public SchemaContribution schema() {
        return OrganizationSchema.contribution(options);
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return OrganizationErrorCodes.all();
    }
}
