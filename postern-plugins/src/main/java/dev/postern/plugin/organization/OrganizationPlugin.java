package dev.postern.plugin.organization;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
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
        return new OrganizationData(ctx.postern().schema(), ctx.postern().store(), options);
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
