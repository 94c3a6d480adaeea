package dev.postern.user;

import dev.postern.Postern;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.Map;
import java.util.Optional;

/**
 * better-auth's {@code revokeUnprovenAccountAccess}: when a proof of the mailbox (a magic link, an e-mail
 * OTP) resolves to an account whose address was never verified, whoever created that account may not be the
 * mailbox owner. Their password and linked accounts are deleted and their sessions revoked, and only then is
 * the address marked verified, so the proven owner inherits nothing that predates the proof.
 */
public final class UnprovenAccountAccess {
    private UnprovenAccountAccess() {
    }

    /**
     * Strips the unverified user's accounts and sessions and marks the address verified; returns the user as
     * it now is (unchanged when already verified), or empty when it no longer exists.
     */
    public static Optional<Row> revoke(Postern postern, String userId) {
        Optional<Row> user = postern.users().findById(userId);
        if (user.isEmpty() || Boolean.TRUE.equals(user.get().bool("emailVerified"))) {
            return user;
        }
        // Sessions first, through the service that owns where they live: should the rest fail, the
        // unproven holder has lost access and nothing has been granted.
        postern.sessions().revokeAll(userId);
        // The update rewrites the copy of the user kept with sessions (there are none left to rewrite).
        return postern.store().transaction(tx -> {
            tx.deleteMany(CoreSchema.ACCOUNT, Where.eq("userId", userId));
            return postern.users().in(tx).update(userId, Map.of("emailVerified", true));
        });
    }
}
