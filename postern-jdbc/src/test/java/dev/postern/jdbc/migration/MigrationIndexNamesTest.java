package dev.postern.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Index names must equal better-auth's, or each would create the other's indexes a second time. */
class MigrationIndexNamesTest {

    @Test
    void ofWhenShortThenTableColumnAndKind() {
        assertThat(IndexNames.of("session", "userId", false)).isEqualTo("session_userId_idx");
        assertThat(IndexNames.of("user", "username", true)).isEqualTo("user_username_uidx");
    }

    /** Expected values computed by better-auth 1.7.25's getDatabaseFieldIndexName. */
    @Test
    void ofWhenLongerThan63BytesThenTruncatedWithBetterAuthsHash() {
        assertThat(IndexNames.of("organizationInvitationRequest", "inviterOrganizationMembershipId", false))
                .isEqualTo("organizationInvitationRequest_inviterOrganizationM_7e30822a_idx");
        assertThat(IndexNames.of("tableWithÜmlautsAndAVeryLongNameIndeed", "columnWithÜmlautsThatIsLongToo", true))
                .isEqualTo("tableWithÜmlautsAndAVeryLongNameIndeed_columnWit_5573fb16_uidx");
    }
}
