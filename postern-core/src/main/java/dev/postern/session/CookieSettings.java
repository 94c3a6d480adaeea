package dev.postern.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Names and attributes of Postern's cookies (better-auth's {@code advanced.cookiePrefix},
 * {@code useSecureCookies}, {@code crossSubDomainCookies} and {@code defaultCookieAttributes}).
 *
 * @param prefix the name prefix: cookies are called {@code <prefix>.<key>} (default {@code better-auth},
 *     which is what better-auth's client helpers look for)
 * @param useSecureCookies {@code true}/{@code false} to force the {@code __Secure-} prefix and the
 *     {@code Secure} attribute on or off; {@code null} decides automatically: on for an {@code https}
 *     base URL or in production
 * @param crossSubDomainDomain a {@code Domain} for every auth cookie, so that sibling subdomains share
 *     the session ({@code example.com}); {@code null} leaves cookies host-only
 * @param sameSite {@code Lax} (default), {@code Strict} or {@code None}; {@code None} forces {@code Secure}
 * @param partitioned adds {@code Partitioned} (CHIPS) and forces {@code Secure}
 */
public record CookieSettings(String prefix, Boolean useSecureCookies, String crossSubDomainDomain,
                             String sameSite, boolean partitioned) {
    public static final String DEFAULT_PREFIX = "better-auth";
    private static final Set<String> SAME_SITE_VALUES = Set.of("lax", "strict", "none");

    public CookieSettings {
        Objects.requireNonNull(prefix, "cookies.prefix");
        if (prefix.isBlank() || prefix.chars().anyMatch(c -> c <= ' ' || c == ';' || c == '=' || c == ',')) {
            throw new IllegalArgumentException("cookies.prefix: must be a non-empty cookie name token, was '" + prefix + "'");
        }
        if (crossSubDomainDomain != null && crossSubDomainDomain.isBlank()) {
            throw new IllegalArgumentException("cookies.crossSubDomainDomain: must not be blank (null turns it off)");
        }
        Objects.requireNonNull(sameSite, "cookies.sameSite");
        if (!SAME_SITE_VALUES.contains(sameSite.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("cookies.sameSite: Lax, Strict or None, was " + sameSite);
        }
    }

    /** better-auth's defaults: prefix {@code better-auth}, automatic Secure, host-only, {@code SameSite=Lax}. */
    public static CookieSettings defaults() {
        return new CookieSettings(DEFAULT_PREFIX, null, null, "Lax", false);
    }

    public CookieSettings withPrefix(String newPrefix) {
        return new CookieSettings(newPrefix, useSecureCookies, crossSubDomainDomain, sameSite, partitioned);
    }

    public CookieSettings withSecureCookies(Boolean secure) {
        return new CookieSettings(prefix, secure, crossSubDomainDomain, sameSite, partitioned);
    }

    /** Shares cookies with every subdomain of {@code domain}. */
    public CookieSettings withCrossSubDomain(String domain) {
        return new CookieSettings(prefix, useSecureCookies, domain, sameSite, partitioned);
    }

    public CookieSettings withSameSite(String newSameSite) {
        return new CookieSettings(prefix, useSecureCookies, crossSubDomainDomain, newSameSite, partitioned);
    }

    public CookieSettings withPartitioned(boolean newPartitioned) {
        return new CookieSettings(prefix, useSecureCookies, crossSubDomainDomain, sameSite, newPartitioned);
    }
}
