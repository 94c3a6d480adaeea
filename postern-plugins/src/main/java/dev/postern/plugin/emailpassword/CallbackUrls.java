package dev.postern.plugin.emailpassword;

import dev.postern.security.RedirectPolicy;
import dev.postern.http.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the redirect targets better-auth builds from a caller's {@code callbackURL}, in its two styles:
 * resolved against the base URL with a parameter set as {@code URLSearchParams.set} sets it (the reset
 * link), or kept as given with parameters appended before the fragment (e-mail verification errors).
 */
public final class CallbackUrls {
    private CallbackUrls() {
    }

    /**
     * {@code new URL(callbackURL, authUrl)} with {@code name=value} set: an existing parameter of that name is
     * replaced, and the query is re-encoded as {@code application/x-www-form-urlencoded}.
     */
    public static String resolveWithParameter(String authUrl, String callbackUrl, String name, String value) {
        URI resolved;
        try {
            resolved = new URI(authUrl).resolve(new URI(callbackUrl));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw RedirectPolicy.INVALID_CALLBACK_URL.toException(Status.FORBIDDEN);
        }
        List<String[]> pairs = new ArrayList<>();
        boolean replaced = false;
        if (resolved.getRawQuery() != null && !resolved.getRawQuery().isEmpty()) {
            for (String pair : resolved.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String val = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (key.equals(name)) {
                    if (!replaced) {
                        pairs.add(new String[] {name, value});
                        replaced = true;
                    }
                } else {
                    pairs.add(new String[] {key, val});
                }
            }
        }
        if (!replaced) {
            pairs.add(new String[] {name, value});
        }
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            query.append(query.isEmpty() ? "" : "&").append(encode(pair[0])).append('=').append(encode(pair[1]));
        }
        String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
        String fragment = resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment();
        return resolved.getScheme() + "://" + resolved.getRawAuthority() + path + "?" + query + fragment;
    }

    /** {@code callbackURL} as given, with {@code name=value} appended to its query, before any fragment. */
    public static String appendParameter(String callbackUrl, String name, String value) {
        int hash = callbackUrl.indexOf('#');
        String beforeFragment = hash < 0 ? callbackUrl : callbackUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : callbackUrl.substring(hash);
        String parameter = encode(name) + "=" + encode(value);
        String separator;
        if (!beforeFragment.contains("?")) {
            separator = "?";
        } else if (beforeFragment.endsWith("?") || beforeFragment.endsWith("&")) {
            separator = "";
        } else {
            separator = "&";
        }
        return beforeFragment + separator + parameter + fragment;
    }

    // URLEncoder's form encoding leaves exactly the characters URLSearchParams leaves: A-Za-z0-9 * - . _
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
