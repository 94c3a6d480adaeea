package dev.postern.session;

import dev.postern.PosternConfig;
import dev.postern.crypto.CookieSigner;
import dev.postern.crypto.UriComponent;
import dev.postern.http.AuthRequest;
import dev.postern.http.Cookie;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Names and default attributes of every auth cookie, decided once per instance as better-auth's
 * {@code createCookieGetter} decides them: {@code [__Secure-]<prefix>.<key>}, {@code HttpOnly},
 * {@code SameSite=Lax}, {@code Path=/}, {@code Secure} when secure, {@code Domain} when cookies are shared
 * across subdomains. Plugins make their own cookies here too ({@code two_factor}, {@code state}, ...) so
 * every cookie follows the same settings.
 */
public final class AuthCookies {
    /** The signed session token. */
    public static final String SESSION_TOKEN = "session_token";
    /** The cookie cache. */
    public static final String SESSION_DATA = "session_data";
    /** Signed {@code "true"} when the user signed in with "remember me" off. */
    public static final String DONT_REMEMBER = "dont_remember";

    private static final String SECURE_PREFIX = "__Secure-";

    private final CookieSettings settings;
    private final boolean secure;
    private final CookieSigner signer;

    public AuthCookies(PosternConfig config) {
        this(config.cookies(), secureCookies(config), new CookieSigner(config.secrets()));
    }

    AuthCookies(CookieSettings settings, boolean secure, CookieSigner signer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secure = secure;
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    /**
     * better-auth's rule, first match wins: the explicit setting, then an {@code https} base URL, then
     * production mode.
     */
    static boolean secureCookies(PosternConfig config) {
        if (config.cookies().useSecureCookies() != null) {
            return config.cookies().useSecureCookies();
        }
        return "https".equalsIgnoreCase(config.baseUrl().getScheme()) || config.production();
    }

    /** Whether cookies carry the {@code __Secure-} prefix and the {@code Secure} attribute. */
    public boolean secure() {
        return secure;
    }

    /** The full cookie name for a key: {@code better-auth.session_token}, or {@code __Secure-better-auth.session_token}. */
    public String name(String key) {
        return (secure ? SECURE_PREFIX : "") + settings.prefix() + "." + key;
    }

    /**
     * A cookie with the default attributes; the value is URI-component encoded as better-call encodes
     * unsigned values. {@code maxAge} null makes a browser-session cookie (no {@code Max-Age}).
     */
    public Cookie create(String key, String value, Duration maxAge) {
        return raw(name(key), UriComponent.encode(value), maxAge);
    }

    /** A cookie whose value is signed with the instance secret (better-call's {@code setSignedCookie}). */
    public Cookie signed(String key, String value, Duration maxAge) {
        return raw(name(key), signer.sign(value), maxAge);
    }

    /** The cookie of this key with an empty value and {@code Max-Age=0}: how it is deleted. */
    public Cookie expired(String key) {
        return raw(name(key), "", Duration.ZERO);
    }

    /**
     * The inner value of a signed cookie on the request, or empty when it is absent, unsigned or signed
     * with another secret.
     */
    public Optional<String> readSigned(AuthRequest request, String key) {
        return request.cookie(name(key)).flatMap(signer::verify);
    }

    /** The decoded value of an unsigned cookie on the request. */
    public Optional<String> read(AuthRequest request, String key) {
        return request.cookie(name(key)).map(UriComponent::decodeOrKeep);
    }

    /** A cookie named exactly {@code fullName} (a chunk such as {@code better-auth.session_data.0}) with the default attributes. */
    Cookie raw(String fullName, String encodedValue, Duration maxAge) {
        String sameSite = settings.sameSite().toLowerCase(Locale.ROOT);
        // better-call forces Secure for SameSite=None and Partitioned, whatever the other settings say.
        boolean secureAttribute = secure || sameSite.equals("none") || settings.partitioned();
        return new Cookie(fullName, encodedValue, maxAge, settings.crossSubDomainDomain(), "/", true,
                secureAttribute, sameSite, settings.partitioned());
    }
}
