package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.OrganizationSchema.TEAM;
import static dev.postern.plugin.organization.OrganizationSchema.TEAM_MEMBER;

import dev.postern.crypto.Encodings;
import dev.postern.json.Json;
import dev.postern.schema.Output;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes of the team tables. {@code teamMember.membershipKey} is better-auth's: base64url
 * (unpadded) SHA-256 of the JSON array {@code [teamId, userId]}, unique, so a user is in a team at most
 * once even when two requests race. {@code team.memberCount} is kept equal to the team's rows.
 */
final class TeamData {
    private TeamData() {
    }

    static Optional<Row> team(OrganizationData data, String teamId, String organizationId) {
        return data.store().findOne(TEAM, Where.eq("id", teamId).andEq("organizationId", organizationId));
    }

    static Map<String, Object> output(OrganizationData data, Row team) {
        return Output.of(data.schema(), TEAM, team);
    }

    static List<Map<String, Object>> teamsOf(OrganizationData data, String organizationId) {
        return data.store().findMany(TEAM, Query.where(Where.eq("organizationId", organizationId)))
                .stream().map(t -> output(data, t)).toList();
    }

    /**
     * Writes a team after the {@code beforeCreateTeam} hook, then runs {@code afterCreateTeam}. The default
     * team has no {@code updatedAt} (better-auth writes none); a team made by create-team has one.
     */
    static Row createTeam(OrganizationData data, OrganizationOptions options, Row organization, String name, Row user,
                          boolean stampUpdatedAt) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("organizationId", organization.id());
        Map<String, Object> orgOut = data.organizationOutput(organization);
        options.hooks().beforeCreateTeam(java.util.Collections.unmodifiableMap(values), user, orgOut).ifPresent(values::putAll);
        values.put("memberCount", 0L);
        values.put("createdAt", OrganizationData.now());
        if (stampUpdatedAt) {
            values.put("updatedAt", OrganizationData.now());
        }
        Row team = data.store().create(TEAM, values);
        options.hooks().afterCreateTeam(team, user, orgOut);
        return team;
    }

    /** The default team named after a new organization, holding its creator; returns the team id. */
    static String createDefaultTeam(OrganizationData data, OrganizationOptions options, Row organization, Row user) {
        Row team = createTeam(data, options, organization, organization.string("name"), user, false);
        findOrCreateTeamMember(data, team.id(), user.id());
        return team.id();
    }

    static String membershipKey(String teamId, String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(List.of(teamId, userId)).getBytes(StandardCharsets.UTF_8));
            return Encodings.base64UrlNoPad(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Row> teamMember(OrganizationData data, String teamId, String userId) {
        return data.store().findOne(TEAM_MEMBER, Where.eq("teamId", teamId).andEq("userId", userId));
    }

    static Row findOrCreateTeamMember(OrganizationData data, String teamId, String userId) {
        Optional<Row> existing = teamMember(data, teamId, userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("teamId", teamId);
        values.put("userId", userId);
        values.put("membershipKey", membershipKey(teamId, userId));
        values.put("createdAt", OrganizationData.now());
        Row created = data.store().create(TEAM_MEMBER, values);
        syncCount(data, teamId);
        return created;
    }

    /** Adds a user to a team within the team limit; call inside a transaction. */
    static Row addTeamMember(OrganizationData data, OrganizationOptions options, String teamId, String userId) {
        Optional<Row> existing = teamMember(data, teamId, userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Integer maximum = options.teams().maximumMembersPerTeam();
        if (maximum != null && data.count(TEAM_MEMBER, Where.eq("teamId", teamId)) >= maximum) {
            throw OrganizationErrorCodes.TEAM_MEMBER_LIMIT_REACHED.toException(dev.postern.http.Status.FORBIDDEN);
        }
        return findOrCreateTeamMember(data, teamId, userId);
    }

    static void syncCount(OrganizationData data, String teamId) {
        data.store().update(TEAM, Where.eq("id", teamId), Map.of("memberCount", data.count(TEAM_MEMBER, Where.eq("teamId", teamId))));
    }
}
