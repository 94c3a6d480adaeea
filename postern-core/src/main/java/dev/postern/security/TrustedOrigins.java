package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.plugin.Plugin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The origins Postern trusts, in better-auth's order (wire reference §9.1): the origin of the base URL,
 * then {@link PosternConfig#trustedOrigins()} (the standalone server fills it from
 * {@code POSTERN_TRUSTED_ORIGINS}), then what plugins contribute through {@link Plugin#trustedOrigins()}.
 * Entries are exact origins ({@code https://app.example.com}), wildcard patterns ({@code *.example.com},
 * {@code https://*.example.com}, {@code http://localhost:*}) or app schemes ({@code myapp://},
 * {@code myapp://callback/path}); see {@link OriginPattern} for how each matches.
 *
 * <p>Two questions are asked of it: is a request's {@code Origin} trusted (CSRF and CORS), and may a flow
 * send the browser to a URL ({@code callbackURL} and its kin, where safe relative paths are also allowed).
 * Both refuse, whatever the list says, URLs with control characters or surrounding spaces and the
 * {@code javascript:}, {@code data:} and {@code vbscript:} schemes.
 */
public final class TrustedOrigins {
    private final List<OriginPattern> patterns;

    private TrustedOrigins(List<OriginPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The list of an instance: its own origin, the configured entries, then every plugin's. */
    public static TrustedOrigins of(PosternConfig config) {
        List<String> entries = new ArrayList<>();
        entries.add(config.origin());
        entries.addAll(config.trustedOrigins());
        for (Plugin plugin : config.plugins()) {
            entries.addAll(plugin.trustedOrigins());
        }
        return of(entries);
    }

    /**
     * A list of these entries; blank ones are skipped as better-auth skips them.
     *
     * @throws IllegalArgumentException for an http(s) entry that is not an origin, naming it
     */
    public static TrustedOrigins of(List<String> entries) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String entry : entries) {
            if (entry != null && !entry.isBlank()) {
                distinct.add(entry);
            }
        }
        return new TrustedOrigins(distinct.stream().map(OriginPattern::of).toList());
    }

    /** The entries as configured, own origin first. */
    public List<String> entries() {
        return patterns.stream().map(OriginPattern::text).toList();
    }

    /**
     * Whether a request's {@code Origin} (or, failing that, its {@code Referer}) is trusted. A relative
     * value never is.
     */
    public boolean isTrustedOrigin(String origin) {
        return origin != null && !origin.startsWith("/") && matchesAbsolute(origin);
    }

    /**
     * Whether a flow may redirect to {@code url}: a safe path on this site ({@code /dashboard?tab=1}) or an
     * absolute URL matching an entry.
     */
    public boolean isTrustedRedirect(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        if (url.startsWith("/")) {
            return UrlText.isSafeRelativePath(url);
        }
        return matchesAbsolute(url);
    }

    private boolean matchesAbsolute(String url) {
        if (url.isEmpty() || UrlText.hasUnsafeCharacter(url) || !url.strip().equals(url)
                || UrlText.isCodeScheme(WebUrl.schemeOf(url))) {
            return false;
        }
        for (OriginPattern pattern : patterns) {
            if (pattern.matches(url)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return entries().toString();
    }
}
