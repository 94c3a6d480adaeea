package dev.postern;

import dev.postern.core.CoreEndpoints;
import dev.postern.crypto.SecretStrength;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.endpoint.Router;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.pipeline.EndpointInvoker;
import dev.postern.pipeline.HttpPipeline;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RateLimitRule;
import dev.postern.plugin.RequestInterceptor;
import dev.postern.ratelimit.RateLimitSchema;
import dev.postern.ratelimit.RateLimiter;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.SchemaModel;
import dev.postern.security.Cors;
import dev.postern.security.FormCsrfCheck;
import dev.postern.security.OriginCheck;
import dev.postern.security.TrustedOrigins;
import dev.postern.session.SessionService;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.HookedStore;
import dev.postern.store.Store;
import dev.postern.user.AccountService;
import dev.postern.user.UserService;
import dev.postern.verification.VerificationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Postern instance: built once from a {@link PosternConfig}, thread-safe, answering
 * {@link #handle(AuthRequest)} for any HTTP adapter and {@link #api()} for Java callers.
 *
 * <pre>{@code
 * Postern postern = Postern.create(PosternConfig.builder()
 *         .secret(System.getenv("POSTERN_SECRET"))
 *         .database(JdbcStores.fromUrl("sqlite:./data/postern.db"))
 *         .build());
 * AuthResponse response = postern.handle(request);
 * }</pre>
 */
public final class Postern implements AutoCloseable {
    private final PosternConfig config;
    private final SchemaModel schema;
    private final Store store;
    private final List<Endpoint> endpoints;
    private final List<RateLimitRule> rateLimitRules;
    private final HttpPipeline pipeline;
    private final PosternApi api;
    private final SessionService sessions;
    private final UserService users;
    private final AccountService accounts;
    private final VerificationService verifications;
    private final TrustedOrigins trustedOrigins;

    private Postern(PosternConfig config) {
        this.config = config;
        this.schema = schemaOf(config);
        // Before the store opens: a malformed trusted origin stops start-up without leaking a pool.
        this.trustedOrigins = TrustedOrigins.of(config);
        SecretStrength.warnIfWeak(config.secrets());
        DatabaseHooks dbHooks = DatabaseHooks.create();
        List<Endpoint> allEndpoints = new ArrayList<>(CoreEndpoints.all());
        List<Hook> before = new ArrayList<>(config.beforeHooks());
        List<Hook> after = new ArrayList<>(config.afterHooks());
        List<RateLimitRule> rules = new ArrayList<>();
        List<RequestInterceptor> interceptors = new ArrayList<>();
        for (Plugin plugin : config.plugins()) {
            allEndpoints.addAll(plugin.endpoints());
            before.addAll(plugin.beforeHooks());
            after.addAll(plugin.afterHooks());
            dbHooks.addAll(plugin.databaseHooks());
            rules.addAll(plugin.rateLimitRules());
            interceptors.addAll(plugin.requestInterceptors());
        }
        dbHooks.addAll(config.databaseHooks());
        this.endpoints = List.copyOf(allEndpoints);
        this.rateLimitRules = List.copyOf(rules);
        Store raw = config.storeProvider().open(schema);
        this.store = dbHooks.isEmpty() ? raw : new HookedStore(raw, dbHooks);
        // First, as in better-auth: a limited request should cost no plugin any work.
        RateLimiter.forConfig(config, rateLimitRules, store).ifPresent(limiter -> interceptors.add(0, limiter));
        this.sessions = new SessionService(config, schema, store, dbHooks);
        this.users = new UserService(schema, store, config.clock(), sessions.userSessions());
        this.accounts = new AccountService(schema, store, config.clock());
        this.verifications = new VerificationService(store, config.clock(),
                config.verificationInDatabase() ? null : config.secondaryStorage().orElseThrow());
        EndpointInvoker invoker = new EndpointInvoker(this, before, after);
        this.pipeline = new HttpPipeline(this, new Router(endpoints), invoker, interceptors,
                List.of(new OriginCheck(config, trustedOrigins), new FormCsrfCheck(config, trustedOrigins)),
                Cors.of(config, trustedOrigins));
        this.api = new PosternApi(endpoints, invoker, config.basePath());
    }

    /** Builds an instance and runs every plugin's {@link Plugin#init}. */
    public static Postern create(PosternConfig config) {
        Postern postern = new Postern(config);
        for (Plugin plugin : config.plugins()) {
            plugin.init(postern);
        }
        return postern;
    }

    /**
     * The schema an instance built from {@code config} works with (core tables, every enabled plugin's
     * contribution, additional fields), without opening a store: for migrations and SQL generation.
     */
    public static SchemaModel schemaOf(PosternConfig config) {
        SchemaModel.Builder builder = SchemaModel.builder().naming(config.naming()).add(CoreSchema.contribution());
        for (Plugin plugin : config.plugins()) {
            builder.add(plugin.schema());
        }
        if (RateLimitSchema.needed(config.rateLimit())) {
            builder.add(RateLimitSchema.contribution());
        }
        config.additionalFields().forEach(builder::fields);
        return builder.build();
    }

    /** Answers one HTTP request. Never throws: every failure becomes an error response. */
    public AuthResponse handle(AuthRequest request) {
        return pipeline.handle(request);
    }

    /** Calls endpoints from Java, with the same validation and hooks as HTTP. */
    public PosternApi api() {
        return api;
    }

    public PosternConfig config() {
        return config;
    }

    public SchemaModel schema() {
        return schema;
    }

    /** The primary store, with database hooks applied. */
    public Store store() {
        return store;
    }

    /** Sessions and their cookies: creating, reading, guarding ({@code sessions().require(ctx)}), revoking. */
    public SessionService sessions() {
        return sessions;
    }

    /** Users: create, find by id or e-mail, update, delete; {@code users().in(tx)} inside a transaction. */
    public UserService users() {
        return users;
    }

    /** Accounts (password and provider sign-in methods) of users. */
    public AccountService accounts() {
        return accounts;
    }

    /** Single-use values with an expiry (reset tokens, OTPs) in the verification table. */
    public VerificationService verifications() {
        return verifications;
    }

    /**
     * The origins this instance trusts for CSRF checks, CORS and redirects: its own, the configured ones
     * and the plugins'.
     */
    public TrustedOrigins trustedOrigins() {
        return trustedOrigins;
    }

    /** Every endpoint, including server-only ones; for documentation and tests. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public List<RateLimitRule> rateLimitRules() {
        return rateLimitRules;
    }

    /** The enabled plugin of this type, if any; how plugins find each other. */
    public <P extends Plugin> Optional<P> plugin(Class<P> type) {
        return config.plugins().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public void close() {
        store.close();
    }
}
