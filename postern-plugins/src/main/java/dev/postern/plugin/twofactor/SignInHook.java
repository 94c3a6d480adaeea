package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.EndpointHandler;
import dev.postern.session.Session;
import dev.postern.store.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The after-hook on password sign-ins that asks for the second factor, as better-auth's: when the user who
 * just signed in has {@code twoFactorEnabled}, a trusted device passes (its trust rotated); otherwise the
 * session just created is withdrawn, a challenge opened (signed {@code two_factor} cookie), and the answer
 * becomes {@code {"twoFactorRedirect":true,"twoFactorMethods":[...]}}: {@code totp} when the user has a
 * verified secret, {@code otp} when a sender is configured.
 */
final class SignInHook implements EndpointHandler {
    private final TwoFactorPlugin plugin;

    SignInHook(TwoFactorPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public Object handle(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Optional<Session> created = postern.sessions().newSession(ctx);
        if (created.isEmpty() || !Boolean.TRUE.equals(created.get().user().bool(TwoFactorSchema.ENABLED))) {
            return null;
        }
        Row user = created.get().user();
        TrustedDevices devices = plugin.trustedDevices();
        boolean cookieSent = devices.cookieValue(ctx).isPresent();
        if (cookieSent && devices.isTrusted(ctx, user.id())) {
            devices.rotate(ctx, user.id());
            return null;
        }
        if (cookieSent) {
            devices.expireCookie(ctx);
        }
        postern.sessions().withdrawNewSession(ctx);
        SignInChallenge.open(ctx, user, plugin.options().twoFactorCookieMaxAge());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("twoFactorRedirect", true);
        body.put("twoFactorMethods", methods(postern, user));
        return body;
    }

    private List<String> methods(Postern postern, Row user) {
        List<String> methods = new ArrayList<>();
        if (!plugin.options().totp().disable()) {
            Optional<Row> record = plugin.records(postern).ofUser(user.id());
            if (record.isPresent() && !Boolean.FALSE.equals(record.get().bool("verified"))) {
                methods.add("totp");
            }
        }
        if (plugin.options().otp().sendOTP() != null) {
            methods.add("otp");
        }
        return methods;
    }
}
