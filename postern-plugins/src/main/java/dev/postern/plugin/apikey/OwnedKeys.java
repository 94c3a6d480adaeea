package dev.postern.plugin.apikey;

import dev.postern.http.Status;
import dev.postern.store.Row;

/**
 * Finding a key on behalf of its owner, as get, update and delete do in better-auth: a key that does not
 * exist, belongs to another configuration or to someone else is the same 404 {@code KEY_NOT_FOUND}, so
 * nobody learns which ids exist.
 */
final class OwnedKeys {
    private OwnedKeys() {
    }

    static Row find(ApiKeyService service, String keyId, String userId) {
        Row key = service.keys().findById(keyId)
                .orElseThrow(() -> ApiKeyErrorCodes.KEY_NOT_FOUND.toException(Status.NOT_FOUND));
        // Any configId a request names resolves to the one configuration, whose id is "default".
        if (!ApiKeyService.configIdMatches(key.string("configId"), ApiKeyOptions.DEFAULT_CONFIG_ID)) {
            throw ApiKeyErrorCodes.KEY_NOT_FOUND.toException(Status.NOT_FOUND);
        }
        if (service.options().references() == ApiKeyOptions.References.ORGANIZATION) {
            throw OrganizationKeys.pluginRequired();
        }
        if (!key.string("referenceId").equals(userId)) {
            throw ApiKeyErrorCodes.KEY_NOT_FOUND.toException(Status.NOT_FOUND);
        }
        return key;
    }
}
