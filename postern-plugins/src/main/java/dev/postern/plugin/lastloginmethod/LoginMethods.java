package dev.postern.plugin.lastloginmethod;

import dev.postern.endpoint.EndpointContext;
import java.util.Optional;

/** better-auth's rules naming the sign-in method of a call from its path, after the custom resolver. */
final class LoginMethods {
    private final LastLoginMethodOptions options;

    LoginMethods(LastLoginMethodOptions options) {
        this.options = options;
    }

    Optional<String> resolve(EndpointContext ctx) {
        if (options.customResolveMethod() != null) {
            String custom = options.customResolveMethod().apply(ctx);
            if (custom != null) {
                return Optional.of(custom);
            }
        }
        return Optional.ofNullable(builtIn(ctx));
    }

    private static String builtIn(EndpointContext ctx) {
        String path = ctx.endpoint().path();
        if (path.startsWith("/callback/")) {
            String id = ctx.param("id");
            return id != null ? id : path.substring(path.lastIndexOf('/') + 1);
        }
        if (path.equals("/one-tap/callback")) {
            return "google";
        }
        if (path.equals("/sign-in/email") || path.equals("/sign-up/email")) {
            return "email";
        }
        if (path.contains("siwe")) {
            return "siwe";
        }
        if (path.contains("/passkey/verify-authentication")) {
            return "passkey";
        }
        if (path.startsWith("/magic-link/verify")) {
            return "magic-link";
        }
        if (path.equals("/sign-in/email-otp")) {
            return "email-otp";
        }
        return null;
    }
}
