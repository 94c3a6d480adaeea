package dev.postern.crypto;

import dev.postern.http.Cookie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a large cookie into numbered chunks and joins them back, as better-auth's session store does
 * for {@code session_data} and {@code account_data} (wire reference §5.3): when the serialised
 * {@code Set-Cookie} would pass {@value #MAX_COOKIE_SIZE} bytes the value is cut into
 * {@code <name>.0}, {@code <name>.1}, … sized against the worst-case name {@code <name>.99}; more than
 * {@value #MAX_CHUNKS} chunks means the cache is not stored at all.
 */
public final class CookieChunks {
    /** Per-cookie ceiling: a little under Safari's ~4093 bytes, leaving room for attributes added later. */
    public static final int MAX_COOKIE_SIZE = 4050;
    public static final int MAX_CHUNKS = 100;

    private CookieChunks() {
    }

    /**
     * The cookies that carry {@code cookie}'s value: the cookie itself when it fits, otherwise its chunks;
     * empty when even {@value #MAX_CHUNKS} chunks would not hold it.
     */
    public static Optional<List<Cookie>> split(Cookie cookie) {
        String value = cookie.value();
        int chunkSize = MAX_COOKIE_SIZE - renamed(cookie, cookie.name() + ".99", "").toHeader().length();
        long chunkCount = chunkSize > 0 ? (value.length() + chunkSize - 1L) / chunkSize : Long.MAX_VALUE;
        if (chunkCount <= 1) {
            return Optional.of(List.of(cookie));
        }
        if (chunkCount > MAX_CHUNKS) {
            return Optional.empty();
        }
        List<Cookie> chunks = new ArrayList<>();
        for (int i = 0; i < chunkCount; i++) {
            int start = i * chunkSize;
            String part = value.substring(start, Math.min(value.length(), start + chunkSize));
            chunks.add(renamed(cookie, cookie.name() + "." + i, part));
        }
        return Optional.of(List.copyOf(chunks));
    }

    /**
     * What better-auth's session store writes when it replaces a chunked cookie: every cookie of that name
     * the request carried ({@code name} or {@code name.N}) is expired, then the new cookie or chunks are set,
     * a new chunk taking the place of an expired one of the same name. An oversized value leaves only the
     * expirations.
     *
     * @param requestCookieNames names of the cookies on the request, in header order
     */
    public static List<Cookie> replace(Cookie cookie, Iterable<String> requestCookieNames) {
        Map<String, Cookie> out = new LinkedHashMap<>();
        for (String name : requestCookieNames) {
            if (name.equals(cookie.name()) || chunkIndex(cookie.name(), name).isPresent()) {
                out.put(name, renamed(cookie, name, "").expired());
            }
        }
        split(cookie).orElse(List.of()).forEach(c -> out.put(c.name(), c));
        return List.copyOf(out.values());
    }

    /**
     * The value of cookie {@code name} from request cookies (raw, as sent): the cookie itself when present
     * and non-empty, otherwise its chunks joined in index order; each part is URI-decoded when it holds a
     * {@code %}, as better-call's cookie parser does.
     */
    public static Optional<String> join(String name, Map<String, String> requestCookies) {
        String whole = requestCookies.get(name);
        if (whole != null && !whole.isEmpty()) {
            return Optional.of(UriComponent.decodeOrKeep(whole));
        }
        record Chunk(long index, String value) {
        }
        List<Chunk> chunks = new ArrayList<>();
        requestCookies.forEach((cookieName, value) -> chunkIndex(name, cookieName)
                .ifPresent(index -> chunks.add(new Chunk(index, UriComponent.decodeOrKeep(value)))));
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        chunks.sort(Comparator.comparingLong(Chunk::index));
        StringBuilder joined = new StringBuilder();
        chunks.forEach(chunk -> joined.append(chunk.value()));
        return Optional.of(joined.toString());
    }

    /** N for a cookie named {@code <name>.N}, N written canonically (no sign, no leading zeros) and safe in JavaScript. */
    static Optional<Long> chunkIndex(String name, String candidate) {
        String prefix = name + ".";
        if (!candidate.startsWith(prefix)) {
            return Optional.empty();
        }
        String suffix = candidate.substring(prefix.length());
        if (suffix.isEmpty() || suffix.length() > 16 || (suffix.length() > 1 && suffix.charAt(0) == '0')
                || !suffix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long index = Long.parseLong(suffix);
        return index <= (1L << 53) - 1 ? Optional.of(index) : Optional.empty();
    }

    private static Cookie renamed(Cookie cookie, String name, String value) {
        return new Cookie(name, value, cookie.maxAge(), cookie.domain(), cookie.path(), cookie.httpOnly(),
                cookie.secure(), cookie.sameSite(), cookie.partitioned());
    }
}
