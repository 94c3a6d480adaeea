package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.Row;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps banned users out, where better-auth does it: in a hook on session creation, so every way of
 * signing in (password, magic link, OTP, social, passkey, impersonation) is covered by one check. The
 * user is banned while {@code banned} is true and {@code banExpires} is empty or still ahead; a ban whose
 * end has passed is lifted on the spot and the session goes ahead. A refused session is 403
 * {@code BANNED_USER} with {@code bannedUserMessage}.
 */
final class BanCheck implements DatabaseHooks.BeforeWrite {
    private final AdminOptions options;
    private final Supplier<Postern> postern;

    BanCheck(AdminOptions options, Supplier<Postern> postern) {
        this.options = options;
        this.postern = postern;
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> session) {
        Postern instance = postern.get();
        Object userId = session.get("userId");
        if (instance == null || userId == null) {
            return session;
        }
        Row user = instance.users().findById(userId.toString()).orElse(null);
        if (user == null || !Boolean.TRUE.equals(user.bool("banned"))) {
            return session;
        }
        Instant expires = user.instant("banExpires");
        if (expires != null && expires.isBefore(instance.config().clock().instant())) {
            instance.users().update(user.id(), Bans.lifted());
            return session;
        }
        throw bannedUser();
    }

    ApiException bannedUser() {
        return AdminErrorCodes.BANNED_USER.toException(Status.FORBIDDEN, options.bannedUserMessage());
    }
}
