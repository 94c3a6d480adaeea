package dev.postern.plugin.onetap;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.security.RedirectPolicy;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.user.UserService;
import dev.postern.validation.Schemas;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /one-tap/callback {idToken, callbackURL?}} → {@code {token, user}}: signs in the Google user
 * the ID token names, following better-auth's OAuth rules. A known Google account signs its user in (its
 * stored {@code idToken} refreshed); a user with the same address is linked only if both Google and the
 * user verified that address, else 401 "account not linked"; anyone else is signed up (user and
 * {@code google} account in one transaction) unless {@code disableSignup} (401 "signup disabled").
 */
final class OneTapCallback {
    static final String PROVIDER = "google";
    static final String SCOPE = "openid,profile,email";

    private final OneTapPlugin plugin;

    OneTapCallback(OneTapPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/one-tap/callback")
                .name("oneTapCallback")
                .body(Schemas.object()
                        .required("idToken", Schemas.string())
                        .optional("callbackURL", Schemas.string()))
                .summary("One tap callback")
                .tags("One tap")
                .response(ResponseSchemas.TOKEN_AND_USER)
                .noStore()
                .errors("INVALID_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        RedirectPolicy.requireCallbackUrl(ctx, ctx.bodyString("callbackURL").orElse(null));
        if (plugin.options().clientId().isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "Google client ID is required for One Tap. "
                    + "Set it on the oneTap plugin (clientId) or on socialProviders.google.");
        }
        String idToken = ctx.bodyString("idToken").orElseThrow();
        JWTClaimsSet claims = plugin.idTokens().verify(idToken).orElseThrow(OneTapCallback::invalidToken);
        String sub = claims.getSubject();
        if (sub == null || sub.isEmpty()) {
            throw invalidToken();
        }
        Object rawEmail = claims.getClaim("email");
        if (!(rawEmail instanceof String email) || email.isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "Email not available in token");
        }
        Profile profile = new Profile(sub, UserService.normalizeEmail(email), emailVerified(claims.getClaim("email_verified")),
                claims.getClaim("name") instanceof String n ? n : "",
                claims.getClaim("picture") instanceof String p ? p : null);

        Postern postern = ctx.postern();
        Row user = signInOrUp(postern, profile, idToken);
        Session session = postern.sessions().create(ctx, user, true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", session.token());
        body.put("user", postern.users().output(user));
        return body;
    }

    private record Profile(String sub, String email, boolean emailVerified, String name, String image) {
    }

    private Row signInOrUp(Postern postern, Profile profile, String idToken) {
        Optional<Row> account = postern.store().findOne(CoreSchema.ACCOUNT,
                Where.eq("providerId", PROVIDER).andEq("accountId", profile.sub()));
        if (account.isPresent()) {
            Row owner = postern.users().findById(account.get().string("userId"))
                    .orElseThrow(() -> unauthorized("unable to link account"));
            postern.store().update(CoreSchema.ACCOUNT, Where.eq("id", account.get().id()),
                    Map.of("idToken", idToken, "updatedAt", now(postern)));
            return markVerified(postern, owner, profile);
        }
        Optional<Row> sameAddress = postern.users().findByEmail(profile.email());
        if (sameAddress.isPresent()) {
            Row existing = sameAddress.get();
            // better-auth's implicit linking: Google must vouch for the address, and so must the local user.
            if (!profile.emailVerified() || !Boolean.TRUE.equals(existing.bool("emailVerified"))) {
                throw unauthorized("account not linked");
            }
            postern.accounts().create(accountData(existing.id(), profile, idToken));
            return existing;
        }
        if (plugin.options().disableSignup()) {
            throw unauthorized("signup disabled");
        }
        return postern.store().transaction(tx -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", profile.name());
            data.put("image", profile.image());
            data.put("email", profile.email());
            data.put("emailVerified", profile.emailVerified());
            Row created = postern.users().in(tx).create(data);
            postern.accounts().in(tx).create(accountData(created.id(), profile, idToken));
            return created;
        });
    }

    private static Row markVerified(Postern postern, Row user, Profile profile) {
        if (profile.emailVerified() && !Boolean.TRUE.equals(user.bool("emailVerified"))
                && profile.email().equals(user.string("email"))) {
            return postern.users().update(user.id(), Map.of("emailVerified", true)).orElse(user);
        }
        return user;
    }

    private static Map<String, Object> accountData(String userId, Profile profile, String idToken) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("providerId", PROVIDER);
        data.put("accountId", profile.sub());
        data.put("idToken", idToken);
        data.put("scope", SCOPE);
        return data;
    }

    /** better-auth's {@code parseStringBoolean}: true, false, "true" and "false"; anything else is false. */
    private static boolean emailVerified(Object claim) {
        return Boolean.TRUE.equals(claim) || "true".equals(claim);
    }

    private static Instant now(Postern postern) {
        return postern.config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ApiException invalidToken() {
        return ApiException.message(Status.BAD_REQUEST, "invalid id token");
    }

    private static ApiException unauthorized(String message) {
        return ApiException.message(Status.UNAUTHORIZED, message);
    }
}
