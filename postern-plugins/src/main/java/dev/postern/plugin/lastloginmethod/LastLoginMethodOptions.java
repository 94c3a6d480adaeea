package dev.postern.plugin.lastloginmethod;

import dev.postern.endpoint.EndpointContext;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Options of the {@code last-login-method} plugin, named as better-auth's {@code lastLoginMethod({...})}.
 *
 * @param cookieName the cookie's exact name ({@code better-auth.last_used_login_method}; not prefixed)
 * @param maxAge the cookie's lifetime (30 days)
 * @param storeInDatabase also keep the method in {@code user.lastLoginMethod}
 * @param customResolveMethod names the method of a call, or returns null to fall back to the built-in
 *     rules; null for the built-in rules only
 * @param beforeStoreCookie may veto the cookie (consent banners); null to always set it
 */
public record LastLoginMethodOptions(
        String cookieName,
        Duration maxAge,
        boolean storeInDatabase,
        Function<EndpointContext, String> customResolveMethod,
        BiPredicate<EndpointContext, String> beforeStoreCookie) {

    public static final String DEFAULT_COOKIE_NAME = "better-auth.last_used_login_method";
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(2_592_000);

    public LastLoginMethodOptions {
        Objects.requireNonNull(cookieName, "cookieName");
        Objects.requireNonNull(maxAge, "maxAge");
        if (cookieName.isBlank()) {
            throw new IllegalArgumentException("cookieName must not be blank");
        }
    }

    public static LastLoginMethodOptions defaults() {
        return new LastLoginMethodOptions(DEFAULT_COOKIE_NAME, DEFAULT_MAX_AGE, false, null, null);
    }

    public LastLoginMethodOptions withStoreInDatabase(boolean value) {
        return new LastLoginMethodOptions(cookieName, maxAge, value, customResolveMethod, beforeStoreCookie);
    }

    public LastLoginMethodOptions withCustomResolveMethod(Function<EndpointContext, String> value) {
        return new LastLoginMethodOptions(cookieName, maxAge, storeInDatabase, value, beforeStoreCookie);
    }

    public LastLoginMethodOptions withBeforeStoreCookie(BiPredicate<EndpointContext, String> value) {
        return new LastLoginMethodOptions(cookieName, maxAge, storeInDatabase, customResolveMethod, value);
    }
}
