package dev.postern.plugin.apikey;

import dev.postern.error.ApiException;
import dev.postern.http.Status;

/**
 * Organization-owned keys ({@code references: "organization"}). better-auth checks membership and the
 * {@code apiKey} permission of the member's role through its organization plugin, and without that
 * plugin answers 500 {@code ORGANIZATION_PLUGIN_REQUIRED}. Postern has no organization plugin yet, so it
 * answers the same; {@code organizationId} and {@code referenceId} are accepted and stored as better-auth
 * stores them, ready for when organizations arrive.
 */
final class OrganizationKeys {
    private OrganizationKeys() {
    }

    static ApiException pluginRequired() {
        return ApiKeyErrorCodes.ORGANIZATION_PLUGIN_REQUIRED.toException(Status.INTERNAL_SERVER_ERROR);
    }
}
