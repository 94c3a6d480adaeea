package dev.postern.plugin.passkey;

import dev.postern.endpoint.EndpointContext;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * better-auth's {@code registration} options: who a passkey is registered for when nobody is signed in
 * (passkey-first sign-up), and a last word after verification.
 *
 * @param requireSession true (the default): registering needs a fresh session; false: a session is used
 *     when there is one, else {@code resolveUser} names the user
 * @param resolveUser for a signed-out registration; gets the {@code context} query parameter of
 *     generate-register-options
 * @param afterVerification runs once the authenticator's answer verified and before the passkey is stored;
 *     may attribute the passkey to another user (one it just created, say) and name it
 */
public record PasskeyRegistration(boolean requireSession, ResolveUser resolveUser, AfterVerification afterVerification) {
    /** better-auth's default: a fresh session is required. */
    public static final PasskeyRegistration REQUIRE_SESSION = new PasskeyRegistration(true, null, null);

    /** The user a passkey is being registered for ({@code id} and {@code name} are required). */
    public record User(String id, String name, String displayName) {
    }

    /** What {@link AfterVerification} decides; null members change nothing. */
    public record Outcome(String userId, String name) {
    }

    /** better-auth's {@code registration.resolveUser}. */
    @FunctionalInterface
    public interface ResolveUser {
        Optional<User> resolve(EndpointContext ctx, String context);
    }

    /** better-auth's {@code registration.afterVerification}; {@code response} is the credential JSON the client sent. */
    @FunctionalInterface
    public interface AfterVerification {
        Optional<Outcome> after(EndpointContext ctx, User user, JsonNode response, String context);
    }
}
