package dev.postern.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code postern.*} properties of {@code application.yml}, with the names {@code postern.yaml} uses for
 * the standalone server. {@link PosternConfigFactory} turns them into a {@code PosternConfig}.
 *
 * <pre>{@code
 * postern:
 *   secret: ${POSTERN_SECRET}
 *   base-url: https://shop.example.com
 *   trusted-origins: [https://admin.example.com]
 *   plugins:
 *     bearer: {}
 *     email-password: { minPasswordLength: 10 }
 * }</pre>
 */
@ConfigurationProperties(prefix = "postern")
public class PosternProperties {
    /** Turns the whole auto-configuration off. */
    private boolean enabled = true;
    /** Signs cookies and encrypts tokens; at least 32 random characters (better-auth's BETTER_AUTH_SECRET). */
    private String secret;
    /** Versioned secrets for rotation, newest first: "2:new-secret,1:old-secret". */
    private String secrets;
    /** The public URL of the application, scheme and host (and port): cookies, links and origins follow it. */
    private String baseUrl;
    /** Where the endpoints are mounted. */
    private String basePath = "/api/auth";
    /** Name shown in e-mails and to authenticator apps. */
    private String appName;
    /** Origins besides the base URL's that may call the endpoints and be redirected to ("*" wildcards allowed). */
    private List<String> trustedOrigins = new ArrayList<>();
    /** Production mode: Secure cookies, mail bodies kept out of logs. */
    private boolean production;
    /**
     * Plugins to enable, by id, each with its options as in postern.yaml (better-auth's option names).
     * session, email-password and user are always enabled; list them only to give them options. A plugin
     * without options is enabled with {"enabled": true} (Spring drops empty maps); "enabled: false" turns one off.
     */
    private Map<String, Map<String, Object>> plugins = new LinkedHashMap<>();
    private final Database database = new Database();
    private final RateLimit rateLimit = new RateLimit();
    private final Session session = new Session();
    private final Security security = new Security();

    /** Where Postern keeps its tables. */
    public static class Database {
        /**
         * A database of Postern's own (sqlite:./postern.db, jdbc:postgresql://...). When empty, the
         * application's DataSource is used.
         */
        private String url;
        /** Create Postern's missing tables, columns and indexes at start-up (never drops or alters). */
        private boolean migrate = true;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }
    }

    /** Rate limiting of requests to the endpoints (better-auth's rateLimit). */
    public static class RateLimit {
        /** On by default, with better-auth's rules; false turns it off. */
        private Boolean enabled;
        /** Length of the default window. */
        private Duration window;
        /** Requests per window and client for paths without a rule of their own. */
        private Integer max;
        /** Where counters live: memory, database or secondary-storage. */
        private String storage;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Integer getMax() {
            return max;
        }

        public void setMax(Integer max) {
            this.max = max;
        }

        public String getStorage() {
            return storage;
        }

        public void setStorage(String storage) {
            this.storage = storage;
        }
    }

    /** Session lifetime and refresh (better-auth's session options). */
    public static class Session {
        /** How long a session lasts (default 7 days). */
        private Duration expiresIn;
        /** How old a session gets before a read extends it (default 1 day). */
        private Duration updateAge;
        /** How recent a sign-in must be for sensitive operations (default 1 day). */
        private Duration freshAge;
        /** Never extend sessions on reads. */
        private Boolean disableRefresh;
        /** Cache the session in a signed cookie: compact, jwt or jwe; empty for no cookie cache. */
        private String cookieCacheStrategy;
        /** How long the cookie cache is trusted (default 5 minutes). */
        private Duration cookieCacheMaxAge;

        public Duration getExpiresIn() {
            return expiresIn;
        }

        public void setExpiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
        }

        public Duration getUpdateAge() {
            return updateAge;
        }

        public void setUpdateAge(Duration updateAge) {
            this.updateAge = updateAge;
        }

        public Duration getFreshAge() {
            return freshAge;
        }

        public void setFreshAge(Duration freshAge) {
            this.freshAge = freshAge;
        }

        public Boolean getDisableRefresh() {
            return disableRefresh;
        }

        public void setDisableRefresh(Boolean disableRefresh) {
            this.disableRefresh = disableRefresh;
        }

        public String getCookieCacheStrategy() {
            return cookieCacheStrategy;
        }

        public void setCookieCacheStrategy(String cookieCacheStrategy) {
            this.cookieCacheStrategy = cookieCacheStrategy;
        }

        public Duration getCookieCacheMaxAge() {
            return cookieCacheMaxAge;
        }

        public void setCookieCacheMaxAge(Duration cookieCacheMaxAge) {
            this.cookieCacheMaxAge = cookieCacheMaxAge;
        }
    }

    /** Spring Security integration: the authorities of a Postern-authenticated request. */
    public static class Security {
        /** Prefix of the authorities made from user.role ("ROLE_" so that hasRole('admin') matches role admin). */
        private String rolePrefix = "ROLE_";
        /**
         * Prefix of the authorities made from the user's roles in the session's active organization
         * (organization plugin): ORG_ROLE_owner for role owner.
         */
        private String organizationRolePrefix = "ORG_ROLE_";
        /**
         * Prefix of the authorities made from what those roles permit, one per resource and action:
         * org:project:create for action create on resource project.
         */
        private String organizationPermissionPrefix = "org:";

        public String getRolePrefix() {
            return rolePrefix;
        }

        public void setRolePrefix(String rolePrefix) {
            this.rolePrefix = rolePrefix;
        }

        public String getOrganizationRolePrefix() {
            return organizationRolePrefix;
        }

        public void setOrganizationRolePrefix(String organizationRolePrefix) {
            this.organizationRolePrefix = organizationRolePrefix;
        }

        public String getOrganizationPermissionPrefix() {
            return organizationPermissionPrefix;
        }

        public void setOrganizationPermissionPrefix(String organizationPermissionPrefix) {
            this.organizationPermissionPrefix = organizationPermissionPrefix;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getSecrets() {
        return secrets;
    }

    public void setSecrets(String secrets) {
        this.secrets = secrets;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public String getAppName() {
        return appName;
    }

    public void setAppName(String appName) {
        this.appName = appName;
    }

    public List<String> getTrustedOrigins() {
        return trustedOrigins;
    }

    public void setTrustedOrigins(List<String> trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    public boolean isProduction() {
        return production;
    }

    public void setProduction(boolean production) {
        this.production = production;
    }

    public Map<String, Map<String, Object>> getPlugins() {
        return plugins;
    }

    public void setPlugins(Map<String, Map<String, Object>> plugins) {
        this.plugins = plugins;
    }

    public Database getDatabase() {
        return database;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public Session getSession() {
        return session;
    }

    public Security getSecurity() {
        return security;
    }
}
