package dev.postern.validation;

import tools.jackson.databind.node.StringNode;

/**
 * Whether a string is an e-mail address by zod's {@code z.email()} rule, for handlers that check an address
 * themselves after transforming it (better-auth lower-cases first in several plugin routes) or read one back
 * from storage.
 */
public final class EmailAddresses {
    private EmailAddresses() {
    }

    public static boolean isValid(String email) {
        if (email == null) {
            return false;
        }
        Issues issues = new Issues();
        Schemas.email().check(StringNode.valueOf(email), Path.root("email"), issues);
        return issues.isEmpty();
    }
}
