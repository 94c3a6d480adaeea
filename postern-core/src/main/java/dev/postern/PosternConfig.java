package dev.postern;

import dev.postern.crypto.Secret;
import dev.postern.crypto.SecretRing;
import dev.postern.crypto.VersionedSecret;
import dev.postern.endpoint.Hook;
import dev.postern.mail.LoggingMailer;
import dev.postern.mail.MailTemplates;
import dev.postern.mail.Mailer;
import dev.postern.plugin.Plugin;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.schema.Field;
import dev.postern.schema.NamingStrategy;
import dev.postern.security.IpAddressSettings;
import dev.postern.security.SecuritySettings;
import dev.postern.session.CookieSettings;
import dev.postern.session.SessionSettings;
import dev.postern.storage.SecondaryStorage;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.StoreProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Postern} instance is built from. Immutable; made with {@link #builder()}, which
 * checks each setting as it is given and names the setting in its message when one is wrong.
 */
public final class PosternConfig {
    /** The base URL when none is configured, as better-auth assumes in development. */
    public static final String DEFAULT_BASE_URL = "http://localhost:3000";
    public static final String DEFAULT_BASE_PATH = "/api/auth";

    private final String appName;
    private final URI baseUrl;
    private final String basePath;
    private final SecretRing secrets;
    private final StoreProvider storeProvider;
    private final List<Plugin> plugins;
    private final Map<String, List<Field>> additionalFields;
    private final NamingStrategy naming;
    private final List<String> trustedOrigins;
    private final List<String> disabledPaths;
    private final List<Hook> beforeHooks;
    private final List<Hook> afterHooks;
    private final DatabaseHooks databaseHooks;
    private final int maxBodyBytes;
    private final boolean production;
    private final Clock clock;
    private final Mailer mailer;
    private final MailTemplates mailTemplates;
    private final SessionSettings session;
    private final CookieSettings cookies;
    private final RateLimitSettings rateLimit;
    private final IpAddressSettings ipAddress;
    private final SecondaryStorage secondaryStorage;
    private final boolean verificationInDatabase;
    private final SecuritySettings security;

    private PosternConfig(Builder b) {
        this.appName = b.appName;
        this.baseUrl = b.baseUrl;
        this.basePath = b.basePath;
        this.secrets = secretRing(b);
        this.storeProvider = Objects.requireNonNull(b.storeProvider,
                "a database is required: set PosternConfig.builder().database(...)");
        this.plugins = List.copyOf(b.plugins);
        Map<String, List<Field>> fields = new LinkedHashMap<>();
        b.additionalFields.forEach((k, v) -> fields.put(k, List.copyOf(v)));
        this.additionalFields = Map.copyOf(fields);
        this.naming = b.naming;
        this.trustedOrigins = List.copyOf(b.trustedOrigins);
        this.disabledPaths = List.copyOf(b.disabledPaths);
        this.beforeHooks = List.copyOf(b.beforeHooks);
        this.afterHooks = List.copyOf(b.afterHooks);
        this.databaseHooks = b.databaseHooks;
        this.maxBodyBytes = b.maxBodyBytes;
        this.production = b.production;
        this.clock = b.clock;
        // Without a configured mailer, messages are logged: with their links in development, without in
        // production, where a link in a log file is a credential in the wrong place.
        this.mailer = b.mailer != null ? b.mailer : b.production ? LoggingMailer.withoutBodies() : new LoggingMailer();
        this.mailTemplates = b.mailTemplates;
        this.session = b.session;
        this.cookies = b.cookies;
        this.rateLimit = b.rateLimit;
        this.ipAddress = b.ipAddress;
        this.secondaryStorage = b.secondaryStorage;
        this.verificationInDatabase = b.verificationInDatabase;
        this.security = b.security;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Plugin plugin : plugins) {
            if (!ids.add(plugin.id())) {
                throw new IllegalArgumentException("plugins: '" + plugin.id() + "' is enabled twice");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * better-auth's choice: versioned {@code secrets} when given, with {@code secret} kept as the legacy
     * secret for bare-hex ciphertexts; otherwise {@code secret} alone.
     */
    private static SecretRing secretRing(Builder b) {
        if (b.versionedSecrets != null) {
            return SecretRing.versioned(b.versionedSecrets, Optional.ofNullable(b.secret).map(Secret::of));
        }
        Objects.requireNonNull(b.secret,
                "secret is required: set PosternConfig.builder().secret(...) or .secrets(\"2:new,1:old\")");
        return SecretRing.of(Secret.of(b.secret));
    }

    public String appName() {
        return appName;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The origin of the base URL, e.g. {@code https://auth.example.com}. */
    public String origin() {
        String port = baseUrl.getPort() == -1 ? "" : ":" + baseUrl.getPort();
        return baseUrl.getScheme() + "://" + baseUrl.getHost() + port;
    }

    /** The path endpoints are mounted under, without a trailing slash: {@code /api/auth}. */
    public String basePath() {
        return basePath;
    }

    /** {@code origin + basePath}: what every e-mailed link and OAuth redirect URI starts with. */
    public String authUrl() {
        return origin() + basePath;
    }

    /**
     * The current secret, which signs and encrypts everything new: the first of {@link Builder#secrets},
     * else {@link Builder#secret} (better-auth's {@code ctx.secret}).
     */
    public String secret() {
        return new String(secrets.current().bytes(), StandardCharsets.UTF_8);
    }

    /** Every secret: the current one and the older ones still accepted (rotation, {@code POSTERN_SECRETS}). */
    public SecretRing secrets() {
        return secrets;
    }

    public StoreProvider storeProvider() {
        return storeProvider;
    }

    public List<Plugin> plugins() {
        return plugins;
    }

    public Map<String, List<Field>> additionalFields() {
        return additionalFields;
    }

    public NamingStrategy naming() {
        return naming;
    }

    public List<String> trustedOrigins() {
        return trustedOrigins;
    }

    public List<String> disabledPaths() {
        return disabledPaths;
    }

    public List<Hook> beforeHooks() {
        return beforeHooks;
    }

    public List<Hook> afterHooks() {
        return afterHooks;
    }

    public DatabaseHooks databaseHooks() {
        return databaseHooks;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public boolean production() {
        return production;
    }

    public Clock clock() {
        return clock;
    }

    /** Sends Postern's e-mails; logs them when none is configured (development). */
    public Mailer mailer() {
        return mailer;
    }

    public MailTemplates mailTemplates() {
        return mailTemplates;
    }

    /** Session lifetime, refresh and cookie cache; better-auth's defaults unless set. */
    public SessionSettings session() {
        return session;
    }

    /** Cookie prefix and attributes; better-auth's defaults unless set. */
    public CookieSettings cookies() {
        return cookies;
    }

    /** Rate limiting of HTTP requests; on by default, with better-auth's rules. */
    public RateLimitSettings rateLimit() {
        return rateLimit;
    }

    /** Where the client IP comes from (headers, trusted proxies) and how IPv6 addresses are grouped. */
    public IpAddressSettings ipAddress() {
        return ipAddress;
    }

    /**
     * A shared key-value store (Redis, say), if one is configured: sessions, verification values and
     * rate-limit counters live there (better-auth's {@code secondaryStorage}).
     */
    public Optional<SecondaryStorage> secondaryStorage() {
        return Optional.ofNullable(secondaryStorage);
    }

    /**
     * With secondary storage, keep verification values (reset tokens, OTPs) in the {@code verification}
     * table anyway ({@code verification.storeInDatabase}); without secondary storage they are always there.
     */
    public boolean verificationInDatabase() {
        return verificationInDatabase || secondaryStorage == null;
    }

    /** Origin and CSRF checks and CORS; all on by default, in every environment. */
    public SecuritySettings security() {
        return security;
    }

    /** Collects settings; {@link #secret} (or {@link #secrets}) and {@link #database} are required. */
    public static final class Builder {
        private String appName = "Postern";
        private URI baseUrl = URI.create(DEFAULT_BASE_URL);
        private String basePath = DEFAULT_BASE_PATH;
        private String secret;
        private List<VersionedSecret> versionedSecrets;
        private StoreProvider storeProvider;
        private final List<Plugin> plugins = new ArrayList<>();
        private final Map<String, List<Field>> additionalFields = new LinkedHashMap<>();
        private NamingStrategy naming = NamingStrategy.betterAuth();
        private final List<String> trustedOrigins = new ArrayList<>();
        private final List<String> disabledPaths = new ArrayList<>();
        private final List<Hook> beforeHooks = new ArrayList<>();
        private final List<Hook> afterHooks = new ArrayList<>();
        private DatabaseHooks databaseHooks = DatabaseHooks.create();
        private int maxBodyBytes = 1 << 20;
        private boolean production;
        private Clock clock = Clock.systemUTC();
        private Mailer mailer;
        private MailTemplates mailTemplates = MailTemplates.defaults();
        private SessionSettings session = SessionSettings.defaults();
        private CookieSettings cookies = CookieSettings.defaults();
        private RateLimitSettings rateLimit = RateLimitSettings.defaults();
        private IpAddressSettings ipAddress = IpAddressSettings.defaults();
        private SecondaryStorage secondaryStorage;
        private boolean verificationInDatabase;
        private SecuritySettings security = SecuritySettings.defaults();

        private Builder() {
        }

        public Builder appName(String appName) {
            this.appName = requireText(appName, "appName");
            return this;
        }

        /**
         * The public URL of the server. A path, if any, is kept as the base path unless
         * {@link #basePath} is set afterwards ({@code https://example.com/auth}).
         */
        public Builder baseUrl(String url) {
            URI uri;
            try {
                uri = URI.create(requireText(url, "baseUrl").trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUrl: not a URL: " + url);
            }
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("baseUrl: expected http(s)://host[:port][/path], was " + url);
            }
            this.baseUrl = uri;
            if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
                basePath(uri.getPath());
            }
            return this;
        }

        public Builder basePath(String path) {
            String p = requireText(path, "basePath").trim();
            if (!p.startsWith("/")) {
                p = "/" + p;
            }
            while (p.length() > 1 && p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            this.basePath = p.equals("/") ? "" : p;
            return this;
        }

        /**
         * The secret that signs cookies and encrypts stored secrets; at least 32 characters. Alongside
         * {@link #secrets} it is only the legacy secret, as in better-auth: it still decrypts values
         * encrypted before versions were used, and still verifies cookies and tokens it signed.
         */
        public Builder secret(String secret) {
            this.secret = requireText(secret, "secret");
            return this;
        }

        /**
         * Versioned secrets for rotation, better-auth's {@code BETTER_AUTH_SECRETS} format:
         * {@code "2:new-secret,1:old-secret"}. The first signs and encrypts; all are accepted when reading.
         * Wins over {@link #secret} for signing. A malformed value is refused with a message naming the
         * entry by position and never the secret.
         */
        public Builder secrets(String versionedSecrets) {
            return secrets(SecretRing.parse(versionedSecrets));
        }

        /** Versioned secrets, current first: {@code List.of(VersionedSecret.of(2, newSecret), VersionedSecret.of(1, oldSecret))}. */
        public Builder secrets(List<VersionedSecret> versionedSecrets) {
            // Checked now (empty list, repeated version) so the mistake points at this call, not at build().
            SecretRing.versioned(versionedSecrets, Optional.empty());
            this.versionedSecrets = List.copyOf(versionedSecrets);
            return this;
        }

        /** The primary database (the JDBC module's {@code JdbcStores.fromUrl(...)}, for instance). */
        public Builder database(StoreProvider provider) {
            this.storeProvider = Objects.requireNonNull(provider, "database");
            return this;
        }

        public Builder plugin(Plugin plugin) {
            this.plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        public Builder plugins(List<? extends Plugin> plugins) {
            plugins.forEach(this::plugin);
            return this;
        }

        /** Extra fields on a core or plugin table ({@code user}, {@code session}, ...). */
        public Builder additionalField(String table, Field field) {
            additionalFields.computeIfAbsent(requireText(table, "table"), k -> new ArrayList<>()).add(field);
            return this;
        }

        public Builder naming(NamingStrategy naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        public Builder trustedOrigins(List<String> origins) {
            origins.forEach(o -> trustedOrigins.add(requireText(o, "trustedOrigins entry")));
            return this;
        }

        /** Paths (relative to the base path) that answer 404 as if they did not exist. */
        public Builder disabledPaths(List<String> paths) {
            disabledPaths.addAll(paths);
            return this;
        }

        public Builder before(Hook hook) {
            beforeHooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        public Builder after(Hook hook) {
            afterHooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        public Builder databaseHooks(DatabaseHooks hooks) {
            this.databaseHooks = Objects.requireNonNull(hooks, "databaseHooks");
            return this;
        }

        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes: at least 1024, was " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Production mode: stricter checks (secure cookies, no default secret). */
        public Builder production(boolean production) {
            this.production = production;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder mailer(Mailer mailer) {
            this.mailer = Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        public Builder mailTemplates(MailTemplates templates) {
            this.mailTemplates = Objects.requireNonNull(templates, "mailTemplates");
            return this;
        }

        public Builder session(SessionSettings session) {
            this.session = Objects.requireNonNull(session, "session");
            return this;
        }

        public Builder cookies(CookieSettings cookies) {
            this.cookies = Objects.requireNonNull(cookies, "cookies");
            return this;
        }

        /** Rate limiting; {@code RateLimitSettings.disabled()} turns it off. */
        public Builder rateLimit(RateLimitSettings rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        public Builder ipAddress(IpAddressSettings ipAddress) {
            this.ipAddress = Objects.requireNonNull(ipAddress, "ipAddress");
            return this;
        }

        /**
         * A shared key-value store: sessions (see {@link SessionSettings#storeInDatabase()}), verification
         * values and, unless told otherwise, rate-limit counters live there.
         */
        public Builder secondaryStorage(SecondaryStorage storage) {
            this.secondaryStorage = Objects.requireNonNull(storage, "secondaryStorage");
            return this;
        }

        /** {@code verification.storeInDatabase}: with secondary storage, keep verification values in the table. */
        public Builder verificationInDatabase(boolean value) {
            this.verificationInDatabase = value;
            return this;
        }

        /**
         * Origin and CSRF checks and CORS, e.g.
         * {@code SecuritySettings.defaults().withOriginCheckDisabledFor(List.of("/sso/saml2/callback"))}.
         */
        public Builder security(SecuritySettings security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        public PosternConfig build() {
            return new PosternConfig(this);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + ": must not be empty");
            }
            return value;
        }
    }
}
