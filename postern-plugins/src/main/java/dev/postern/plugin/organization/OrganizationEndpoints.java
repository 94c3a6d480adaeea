package dev.postern.plugin.organization;

import static dev.postern.http.Status.BAD_REQUEST;
import static dev.postern.http.Status.FORBIDDEN;
import static dev.postern.http.Status.UNAUTHORIZED;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ORGANIZATION_ALREADY_EXISTS;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ORGANIZATION_NOT_FOUND;
import static dev.postern.plugin.organization.OrganizationErrorCodes.ORGANIZATION_SLUG_ALREADY_TAKEN;
import static dev.postern.plugin.organization.OrganizationErrorCodes.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.plugin.access.ActionRequest;
import dev.postern.session.Session;
import dev.postern.session.SessionErrorCodes;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The organization endpoints of better-auth's plugin: create, check-slug, update, delete,
 * get-organization, get-full-organization, set-active and list.
 */
final class OrganizationEndpoints {
    private final OrganizationPlugin plugin;
    private final OrganizationOptions options;

    OrganizationEndpoints(OrganizationPlugin plugin) {
        this.plugin = plugin;
        this.options = plugin.options();
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/organization/create").name("createOrganization").response(OrganizationResponses.FULL_ORGANIZATION)
                        .body(Schemas.object()
                                .required("name", Schemas.string().min(1))
                                .required("slug", Schemas.string().min(1))
                                .optional("userId", Schemas.string())
                                .optional("logo", Schemas.string().orNull())
                                .optional("metadata", Schemas.record())
                                .optional("keepCurrentActiveOrganization", Schemas.bool()))
                        .summary("Create an organization").tags("Organization").handler(this::create).build(),
                Endpoint.post("/organization/check-slug").name("checkOrganizationSlug").response(dev.postern.endpoint.ResponseSchemas.STATUS)
                        .body(Schemas.object().required("slug", Schemas.string()))
                        .summary("Check whether an organization slug is free").tags("Organization")
                        .handler(this::checkSlug).build(),
                Endpoint.post("/organization/update").name("updateOrganization").response(OrganizationResponses.ORGANIZATION)
                        .body(Schemas.object()
                                .required("data", Schemas.object()
                                        .optional("name", Schemas.string().min(1))
                                        .optional("slug", Schemas.string().min(1))
                                        .optional("logo", Schemas.string().orNull())
                                        .optional("metadata", Schemas.record()))
                                .optional("organizationId", Schemas.string()))
                        .summary("Update an organization").tags("Organization").handler(this::update).build(),
                Endpoint.post("/organization/delete").name("deleteOrganization").response(OrganizationResponses.ORGANIZATION)
                        .body(Schemas.object().required("organizationId", Schemas.string()))
                        .summary("Delete an organization").tags("Organization").handler(this::delete).build(),
                Endpoint.get("/organization/get-organization").name("getOrganization").response(OrganizationResponses.ORGANIZATION)
                        .query(Schemas.object().optional("organizationId", Schemas.string())
                                .optional("organizationSlug", Schemas.string()))
                        .summary("Get an organization").tags("Organization").handler(this::get).build(),
                Endpoint.get("/organization/get-full-organization").name("getFullOrganization").response(OrganizationResponses.FULL_ORGANIZATION)
                        .query(Schemas.object().optional("organizationId", Schemas.string())
                                .optional("organizationSlug", Schemas.string())
                                .optional("membersLimit", Schemas.number().coerced()))
                        .summary("Get an organization with its members and invitations").tags("Organization")
                        .handler(this::getFull).build(),
                Endpoint.post("/organization/set-active").name("setActiveOrganization").response(dev.postern.endpoint.ResponseSchemas.nullable(OrganizationResponses.FULL_ORGANIZATION))
                        .body(Schemas.object().optional("organizationId", Schemas.string().orNull())
                                .optional("organizationSlug", Schemas.string()))
                        .summary("Set the active organization").tags("Organization").handler(this::setActive).build(),
                Endpoint.get("/organization/list").name("listOrganizations").response(dev.postern.endpoint.ResponseSchemas.arrayOf(OrganizationResponses.ORGANIZATION))
                        .summary("List the organizations of the user").tags("Organization").handler(this::list).build());
    }

    private Object create(EndpointContext ctx) {
        Optional<Session> session = ctx.postern().sessions().current(ctx);
        if (session.isEmpty() && ctx.isHttp()) {
            throw SessionErrorCodes.UNAUTHORIZED.toException(UNAUTHORIZED);
        }
        OrganizationData data = plugin.data(ctx);
        Row user = session.map(Session::user).orElseGet(() -> ctx.bodyString("userId")
                .flatMap(data::user).orElseThrow(() -> SessionErrorCodes.UNAUTHORIZED.toException(UNAUTHORIZED)));
        boolean systemAction = session.isEmpty();
        if (!systemAction && !options.allowUserToCreateOrganization().test(user)) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION.toException(FORBIDDEN);
        }
        if (options.organizationLimit() != null && data.membershipsOf(user.id()) >= options.organizationLimit()) {
            throw OrganizationErrorCodes.YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS.toException(FORBIDDEN);
        }
        String slug = ctx.bodyString("slug").orElseThrow();
        if (data.organizationBySlug(slug).isPresent()) {
            throw ORGANIZATION_ALREADY_EXISTS.toException(BAD_REQUEST);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", ctx.bodyString("name").orElseThrow());
        fields.put("slug", slug);
        if (ctx.body().has("logo")) {
            fields.put("logo", ctx.bodyString("logo").orElse(null));
        }
        JsonNode metadata = ctx.body().get("metadata");
        if (metadata != null && !metadata.isNull()) {
            fields.put("metadata", Json.convert(metadata, Object.class));
        }
        Created created = data.transaction(tx -> createInside(tx, fields, user));
        Optional<Session> current = session;
        if (current.isPresent() && !ctx.bodyBoolean("keepCurrentActiveOrganization", false)) {
            Session updated = OrganizationPlugin.setActiveOrganization(ctx, current.get(), created.organization().id());
            if (created.teamId() != null) {
                OrganizationPlugin.setActiveTeam(ctx, updated, created.teamId());
            }
        }
        Map<String, Object> out = data.organizationOutput(created.organization());
        if (out.get("metadata") == null) {
            out.remove("metadata");
        }
        out.put("members", List.of(data.memberOutput(created.member())));
        return out;
    }

    private record Created(Row organization, Row member, String teamId) {
    }

    private Created createInside(OrganizationData tx, Map<String, Object> fields, Row user) {
        Map<String, Object> values = new LinkedHashMap<>(fields);
        options.hooks().beforeCreateOrganization(java.util.Collections.unmodifiableMap(fields), user)
                .ifPresent(values::putAll);
        if (values.get("metadata") != null && !(values.get("metadata") instanceof String)) {
            values.put("metadata", Json.write(values.get("metadata")));
        }
        values.put("createdAt", OrganizationData.now());
        Row organization = tx.createOrganization(values);
        Map<String, Object> orgOut = tx.organizationOutput(organization);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("organizationId", organization.id());
        member.put("userId", user.id());
        member.put("role", options.creatorRole());
        options.hooks().beforeAddMember(java.util.Collections.unmodifiableMap(member), user, orgOut).ifPresent(member::putAll);
        Row created = tx.createMember(member);
        options.hooks().afterAddMember(created, user, orgOut);
        String teamId = null;
        if (options.teams().enabled() && options.teams().defaultTeam()) {
            teamId = TeamData.createDefaultTeam(tx, options, organization, user);
        }
        options.hooks().afterCreateOrganization(orgOut, created, user);
        return new Created(organization, created, teamId);
    }

    private Object checkSlug(EndpointContext ctx) {
        if (plugin.data(ctx).organizationBySlug(ctx.bodyString("slug").orElse("")).isEmpty()) {
            return Map.of("status", true);
        }
        throw ORGANIZATION_SLUG_ALREADY_TAKEN.toException(BAD_REQUEST);
    }

    private Object update(EndpointContext ctx) {
        Session session = ctx.postern().sessions().current(ctx)
                .orElseThrow(() -> ApiException.message(UNAUTHORIZED, "User not found"));
        String organizationId = ctx.bodyString("organizationId")
                .or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION.toException(BAD_REQUEST));
        if (!plugin.permissions().allows(data, member.string("role"), organizationId,
                Map.of("organization", ActionRequest.all("update")))) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION.toException(FORBIDDEN);
        }
        JsonNode body = ctx.body().get("data");
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String field : List.of("name", "slug", "logo")) {
            if (body.has(field)) {
                changes.put(field, body.get(field).isNull() ? null : body.get(field).asString());
            }
        }
        if (body.has("metadata")) {
            changes.put("metadata", Json.convert(body.get("metadata"), Object.class));
        }
        if (changes.get("slug") instanceof String slug) {
            data.organizationBySlug(slug).filter(o -> !o.id().equals(organizationId)).ifPresent(o -> {
                throw ORGANIZATION_SLUG_ALREADY_TAKEN.toException(BAD_REQUEST);
            });
        }
        Row updated = data.transaction(tx -> {
            Map<String, Object> values = new LinkedHashMap<>(changes);
            options.hooks().beforeUpdateOrganization(java.util.Collections.unmodifiableMap(changes), session.user(), member)
                    .ifPresent(values::putAll);
            if (values.get("metadata") != null && !(values.get("metadata") instanceof String)) {
                values.put("metadata", Json.write(values.get("metadata")));
            }
            Row row = values.isEmpty() ? tx.organizationById(organizationId).orElse(null)
                    : tx.updateOrganization(organizationId, values).orElse(null);
            if (row != null) {
                options.hooks().afterUpdateOrganization(tx.organizationOutput(row), session.user(), member);
            }
            return row;
        });
        if (updated == null) {
            return null;
        }
        Map<String, Object> out = data.organizationOutput(updated);
        if (out.get("metadata") == null) {
            out.remove("metadata");
        }
        return out;
    }

    private Object delete(EndpointContext ctx) {
        if (options.disableOrganizationDeletion()) {
            throw new ApiException(Status.NOT_FOUND, "ORGANIZATION_DELETION_DISABLED", "Organization deletion is disabled");
        }
        Session session = ctx.postern().sessions().require(ctx);
        String organizationId = ctx.bodyString("organizationId")
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        OrganizationData data = plugin.data(ctx);
        Row member = data.member(session.userId(), organizationId)
                .orElseThrow(() -> USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION.toException(BAD_REQUEST));
        if (!plugin.permissions().allows(data, member.string("role"), organizationId,
                Map.of("organization", ActionRequest.all("delete")))) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION.toException(FORBIDDEN);
        }
        Row organization = data.organizationById(organizationId).orElseThrow(() -> ApiException.bare(BAD_REQUEST));
        Map<String, Object> out = data.organizationOutput(organization);
        out.put("metadata", organization.get("metadata"));
        data.transaction(tx -> {
            options.hooks().beforeDeleteOrganization(out, session.user());
            tx.deleteOrganization(organizationId);
            return null;
        });
        if (organizationId.equals(OrganizationPlugin.activeOrganizationId(session).orElse(null))) {
            OrganizationPlugin.setActiveOrganization(ctx, session, null);
        }
        options.hooks().afterDeleteOrganization(out, session.user());
        return out;
    }

    /** The organization a GET names (slug first, then id, then the active one), checked for membership. */
    private Optional<Row> readable(EndpointContext ctx, Session session, OrganizationData data) {
        Optional<String> slug = ctx.queryString("organizationSlug");
        Optional<String> id = slug.or(() -> ctx.queryString("organizationId"))
                .or(() -> OrganizationPlugin.activeOrganizationId(session));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Row organization = (slug.isPresent() ? data.organizationBySlug(slug.get()) : data.organizationById(id.get()))
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        if (data.member(session.userId(), organization.id()).isEmpty()) {
            OrganizationPlugin.setActiveOrganization(ctx, session, null);
            throw USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION.toException(FORBIDDEN);
        }
        return Optional.of(organization);
    }

    private Object get(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        return readable(ctx, session, data).map(o -> rawOutput(data, o)).orElse(null);
    }

    private static Map<String, Object> rawOutput(OrganizationData data, Row organization) {
        return dev.postern.schema.Output.of(data.schema(), OrganizationSchema.ORGANIZATION, organization);
    }

    private Object getFull(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        Optional<Row> found = readable(ctx, session, data);
        if (found.isEmpty()) {
            return null;
        }
        Row organization = found.get();
        Row caller = data.member(session.userId(), organization.id()).orElseThrow();
        Map<String, Object> out = rawOutput(data, organization);
        int limit = ctx.query().has("membersLimit") ? ctx.query().get("membersLimit").asInt() : options.membershipLimit();
        List<Row> members = data.members(Query.where(Where.eq("organizationId", organization.id())).limit(Math.max(0, limit)));
        out.put("members", data.withUsers(members));
        out.put("invitations", InvitationViews.visibleInvitations(plugin, data, caller, organization.id()));
        if (options.teams().enabled()) {
            out.put("teams", TeamData.teamsOf(data, organization.id()));
        }
        return out;
    }

    private Object setActive(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        JsonNode idNode = ctx.body().get("organizationId");
        if (idNode != null && idNode.isNull()) {
            if (OrganizationPlugin.activeOrganizationId(session).isEmpty()) {
                return null;
            }
            Session updated = OrganizationPlugin.setActiveOrganization(ctx, session, null);
            ctx.postern().sessions().setCookies(ctx, updated);
            return null;
        }
        Optional<String> organizationId = ctx.bodyString("organizationId");
        Optional<String> slug = ctx.bodyString("organizationSlug");
        if (organizationId.isEmpty() && slug.isEmpty()) {
            organizationId = OrganizationPlugin.activeOrganizationId(session);
            if (organizationId.isEmpty()) {
                return null;
            }
        }
        if (organizationId.isEmpty()) {
            organizationId = Optional.of(data.organizationBySlug(slug.get())
                    .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST)).id());
        }
        if (data.member(session.userId(), organizationId.get()).isEmpty()) {
            OrganizationPlugin.setActiveOrganization(ctx, session, null);
            throw USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION.toException(FORBIDDEN);
        }
        Row organization = data.organizationById(organizationId.get())
                .orElseThrow(() -> ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST));
        Session updated = OrganizationPlugin.setActiveOrganization(ctx, session, organization.id());
        ctx.postern().sessions().setCookies(ctx, updated);
        return rawOutput(data, organization);
    }

    private Object list(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        return plugin.data(ctx).organizationsOf(session.userId());
    }
}
