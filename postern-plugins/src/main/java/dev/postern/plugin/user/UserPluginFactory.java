package dev.postern.plugin.user;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link UserPlugin} by id in the standalone server, with better-auth's option names:
 * <pre>{@code
 * plugins:
 *   user:
 *     changeEmail: { enabled: true, updateEmailWithoutVerification: false, confirmWithCurrentAddress: true }
 *     deleteUser: { enabled: true, verificationEmail: true, deleteTokenExpiresIn: 86400 }
 *     allowUnlinkingAll: false
 * }</pre>
 */
public final class UserPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return UserPlugin.ID;
    }

    @Override
    public String description() {
        return "Update the user, change e-mail, delete the account, list and unlink accounts";
    }

    @Override
    public boolean alwaysEnabled() {
        return true;
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        UserOptions defaults = UserOptions.defaults();
        PluginOptions change = options.section("changeEmail");
        UserOptions.ChangeEmailOptions changeEmail = new UserOptions.ChangeEmailOptions(
                change.bool("enabled", defaults.changeEmail().enabled()),
                change.bool("updateEmailWithoutVerification", defaults.changeEmail().updateEmailWithoutVerification()),
                change.bool("confirmWithCurrentAddress", defaults.changeEmail().confirmWithCurrentAddress()));
        PluginOptions delete = options.section("deleteUser");
        UserOptions.DeleteUserOptions deleteUser = new UserOptions.DeleteUserOptions(
                delete.bool("enabled", defaults.deleteUser().enabled()),
                delete.bool("verificationEmail", defaults.deleteUser().verificationEmail()),
                delete.seconds("deleteTokenExpiresIn", defaults.deleteUser().tokenExpiresIn()));
        boolean allowUnlinkingAll = options.bool("allowUnlinkingAll", defaults.allowUnlinkingAll());
        options.rejectUnknown();
        return new UserPlugin(new UserOptions(changeEmail, deleteUser, allowUnlinkingAll));
    }
}
