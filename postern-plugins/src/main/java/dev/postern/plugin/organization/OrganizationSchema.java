package dev.postern.plugin.organization;

import static dev.postern.schema.FieldType.DATE;
import static dev.postern.schema.FieldType.NUMBER;
import static dev.postern.schema.FieldType.STRING;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.SchemaContribution;
import dev.postern.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The organization plugin's tables, column for column as better-auth 1.7.25 declares them (wire reference
 * §7.5), so either implementation reads the other's rows: {@code organization.metadata} is JSON text,
 * {@code member.role} and {@code invitation.role} comma-separated role names, {@code invitation.email}
 * lower-case. The team tables and {@code session.activeTeamId} exist only with teams enabled,
 * {@code organizationRole} only with dynamic access control, as in better-auth.
 */
final class OrganizationSchema {
    static final String ORGANIZATION = "organization";
    static final String MEMBER = "member";
    static final String INVITATION = "invitation";
    static final String TEAM = "team";
    static final String TEAM_MEMBER = "teamMember";
    static final String ORGANIZATION_ROLE = "organizationRole";
    static final String ACTIVE_ORGANIZATION_ID = "activeOrganizationId";
    static final String ACTIVE_TEAM_ID = "activeTeamId";

    private OrganizationSchema() {
    }

    static SchemaContribution contribution(OrganizationOptions options) {
        boolean teams = options.teams().enabled();
        List<Table> tables = new ArrayList<>();
        tables.add(Table.of(ORGANIZATION, 20,
                Field.of("name", STRING).sortable(),
                Field.of("slug", STRING).unique().sortable().indexed(),
                Field.of("logo", STRING).optional(),
                Field.of("createdAt", DATE),
                Field.of("metadata", STRING).optional()));
        if (options.dynamicAccessControl().enabled()) {
            tables.add(Table.of(ORGANIZATION_ROLE, 21,
                    organizationId(),
                    Field.of("role", STRING).indexed(),
                    Field.of("permission", STRING),
                    Field.of("createdAt", DATE).defaultValue(CoreSchema.NOW),
                    Field.of("updatedAt", DATE).optional()));
        }
        if (teams) {
            tables.add(Table.of(TEAM, 22,
                    Field.of("name", STRING),
                    Field.of("memberCount", NUMBER).defaultValue(0L).noInput().hidden(),
                    organizationId(),
                    Field.of("createdAt", DATE),
                    Field.of("updatedAt", DATE).optional()));
            tables.add(Table.of(TEAM_MEMBER, 23,
                    Field.of("teamId", STRING).indexed().references(TEAM, "id", Field.OnDelete.CASCADE),
                    userId(),
                    Field.of("membershipKey", STRING).optional().unique().noInput().hidden(),
                    Field.of("createdAt", DATE).optional()));
        }
        tables.add(Table.of(MEMBER, 24,
                organizationId(),
                userId(),
                Field.of("role", STRING).sortable().defaultValue("member"),
                Field.of("createdAt", DATE)));
        List<Field.Builder> invitation = new ArrayList<>(List.of(
                organizationId(),
                Field.of("email", STRING).sortable().indexed(),
                Field.of("role", STRING).optional().sortable()));
        if (teams) {
            invitation.add(Field.of("teamId", STRING).optional().sortable());
        }
        invitation.add(Field.of("status", STRING).sortable().defaultValue("pending"));
        invitation.add(Field.of("expiresAt", DATE));
        invitation.add(Field.of("createdAt", DATE).defaultValue(CoreSchema.NOW));
        invitation.add(Field.of("inviterId", STRING).references(CoreSchema.USER, "id", Field.OnDelete.CASCADE));
        tables.add(Table.of(INVITATION, 25, invitation.toArray(Field.Builder[]::new)));

        List<Field> sessionFields = new ArrayList<>();
        sessionFields.add(Field.of(ACTIVE_ORGANIZATION_ID, STRING).optional().noInput().build());
        if (teams) {
            sessionFields.add(Field.of(ACTIVE_TEAM_ID, STRING).optional().noInput().build());
        }
        return new SchemaContribution(tables, Map.of(CoreSchema.SESSION, sessionFields));
    }

    private static Field.Builder organizationId() {
        return Field.of("organizationId", STRING).indexed().references(ORGANIZATION, "id", Field.OnDelete.CASCADE);
    }

    private static Field.Builder userId() {
        return Field.of("userId", STRING).indexed().references(CoreSchema.USER, "id", Field.OnDelete.CASCADE);
    }
}
