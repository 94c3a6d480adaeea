package dev.postern.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SettingsLoaderTest {
    private static final String GOOD_SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private ServerSettings load(Map<String, String> env) {
        return new SettingsLoader(env, dir, List.of("admin", "two-factor")).load(Optional.empty());
    }

    private void assertRefused(Map<String, String> env, String message) {
        assertThatThrownBy(() -> load(env)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void loadWithNothingConfiguredThenDocumentedDefaults() {
        ServerSettings settings = load(Map.of());

        assertThat(settings.mode()).isEqualTo(ServerSettings.Mode.DEVELOPMENT);
        assertThat(settings.port()).isEqualTo(3000);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:3000");
        assertThat(settings.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(settings.databaseUrl()).isEqualTo("sqlite:" + dir.resolve("data/postern.db"));
        assertThat(settings.secret()).isEmpty();
        assertThat(settings.plugins()).isEmpty();
        assertThat(settings.smtp()).isEmpty();
        assertThat(settings.configFile()).isEmpty();
        assertThat(settings.source("port")).isEqualTo("default");
    }

    @Test
    void loadInTheProcessWorkingDirectoryThenDefaultDatabaseIsDotSlashData() {
        ServerSettings settings = new SettingsLoader(Map.of(), Path.of(""), List.of()).load(Optional.empty());

        assertThat(settings.databaseUrl()).isEqualTo("sqlite:./data/postern.db");
    }

    @Test
    void environmentAndYamlThenEnvironmentWins() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), """
                port: 4000
                baseUrl: https://auth.example.com
                trustedOrigins: [https://app.example.com, https://admin.example.com]
                plugins:
                  two-factor:
                    issuer: Example
                  admin: {}
                smtp:
                  host: smtp.example.com
                  from: Example <no-reply@example.com>
                  password: hunter2
                """);

        ServerSettings settings = load(Map.of("POSTERN_PORT", "5000", "POSTERN_PLUGINS", "admin"));

        assertThat(settings.port()).isEqualTo(5000);
        assertThat(settings.source("port")).isEqualTo("POSTERN_PORT");
        assertThat(settings.baseUrl()).isEqualTo("https://auth.example.com");
        assertThat(settings.source("baseUrl")).isEqualTo("postern.yaml");
        assertThat(settings.trustedOrigins()).containsExactly("https://app.example.com", "https://admin.example.com");
        assertThat(settings.plugins()).containsExactly("admin");
        assertThat(settings.smtp()).hasValueSatisfying(smtp -> {
            assertThat(smtp.port()).isEqualTo(587);
            assertThat(smtp.security()).isEqualTo(dev.postern.smtp.SmtpSettings.Security.STARTTLS);
            assertThat(smtp.toString()).doesNotContain("hunter2").contains("****");
        });
        assertThat(settings.configFile()).hasValue(dir.resolve("postern.yaml"));
    }

    @Test
    void pluginsFromYamlMapThenOptionsKept() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), "plugins:\n  two-factor:\n    issuer: Example\n");

        ServerSettings settings = load(Map.of());

        assertThat(settings.plugins()).containsExactly("two-factor");
        assertThat(settings.optionsOf("two-factor")).containsEntry("issuer", "Example");
    }

    @Test
    void portNotANumberThenOneLineNamingTheVariable() {
        assertRefused(Map.of("POSTERN_PORT", "abc"), "POSTERN_PORT: expected a port number 1-65535, got \"abc\"");
        assertRefused(Map.of("POSTERN_PORT", "70000"), "POSTERN_PORT: expected a port number 1-65535, got \"70000\"");
    }

    @Test
    void badPortInYamlThenMessageNamesTheFileKey() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), "port: nope\n");

        assertRefused(Map.of(), "port (postern.yaml): expected a port number 1-65535, got \"nope\"");
    }

    @Test
    void unknownPluginThenKnownOnesListed() {
        assertRefused(Map.of("POSTERN_PLUGINS", "admin,foo"),
                "POSTERN_PLUGINS: unknown plugin \"foo\". Known plugins: admin, two-factor");
    }

    @Test
    void unknownPluginWithNoneInstalledThenSaysSo() {
        SettingsLoader loader = new SettingsLoader(Map.of("POSTERN_PLUGINS", "foo"), dir, List.of());

        assertThatThrownBy(() -> loader.load(Optional.empty())).isInstanceOf(ConfigException.class)
                .hasMessage("POSTERN_PLUGINS: unknown plugin \"foo\". Known plugins: none are installed");
    }

    @Test
    void productionWithoutSecretThenRefused() {
        assertRefused(Map.of("POSTERN_ENV", "production"),
                "POSTERN_SECRET: required in production (POSTERN_ENV=production); generate one with `postern secret`");
    }

    @Test
    void productionWithShortSecretThenRefused() {
        assertRefused(Map.of("POSTERN_ENV", "production", "POSTERN_SECRET", "too-short"),
                "POSTERN_SECRET: must be at least 32 characters in production, got 9; generate one with `postern secret`");
    }

    @Test
    void productionWithGoodSecretThenAccepted() {
        ServerSettings settings = load(Map.of("POSTERN_ENV", "production", "POSTERN_SECRET", GOOD_SECRET));

        assertThat(settings.production()).isTrue();
        assertThat(settings.secret()).hasValue(GOOD_SECRET);
    }

    @Test
    void unknownEnvThenRefused() {
        assertRefused(Map.of("POSTERN_ENV", "prod"),
                "POSTERN_ENV: expected \"development\" or \"production\", got \"prod\"");
    }

    @Test
    void badDatabaseUrlThenRefusedWithTheSupportedForms() {
        assertThatThrownBy(() -> load(Map.of("POSTERN_DATABASE_URL", "oracle://db/x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("POSTERN_DATABASE_URL: ")
                .hasMessageContaining("sqlite:")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("\n");
    }

    @Test
    void badBaseUrlThenRefused() {
        assertRefused(Map.of("POSTERN_BASE_URL", "auth.example.com"),
                "POSTERN_BASE_URL: expected a URL like https://auth.example.com or http://localhost:3000, got \"auth.example.com\"");
    }

    @Test
    void blankEnvironmentVariableThenTreatedAsUnset() {
        assertThat(load(Map.of("POSTERN_PORT", " ")).port()).isEqualTo(3000);
    }

    @Test
    void smtpHostWithoutSenderThenRefused() {
        assertRefused(Map.of("POSTERN_SMTP_HOST", "smtp.example.com"),
                "POSTERN_SMTP_FROM: required when an SMTP host is set, e.g. \"Postern <no-reply@example.com>\"");
    }

    @Test
    void typoInYamlKeyThenRefusedWithKnownKeys() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), "prot: 3000\n");

        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("postern.yaml: unknown key \"prot\". Known keys: baseUrl, cors, dataDir,");
    }

    @Test
    void invalidYamlThenRefusedWithItsLine() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), "port: 3000\n  baseUrl: [\n");

        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("postern.yaml: not valid YAML (line ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingConfigFileOptionThenRefused() {
        SettingsLoader loader = new SettingsLoader(Map.of(), dir, List.of());

        assertThatThrownBy(() -> loader.load(Optional.of("missing.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessage("--config: file not found: " + dir.resolve("missing.yaml"));
    }

    @Test
    void settingsPrintedThenSecretAndSmtpPasswordMasked() {
        ServerSettings settings = load(Map.of("POSTERN_SECRET", GOOD_SECRET, "POSTERN_SMTP_HOST", "smtp.example.com",
                "POSTERN_SMTP_FROM", "a@example.com", "POSTERN_SMTP_PASSWORD", "smtp-password",
                "POSTERN_DATABASE_URL", "jdbc:postgresql://db/app?user=app&password=db-password"));

        assertThat(settings.toString()).doesNotContain(GOOD_SECRET, "smtp-password", "db-password").contains("****");
    }

    @Test
    void engineSettingsFromEnvironmentAndYaml() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), """
                rateLimit:
                  window: 60
                  storage: database
                ipAddress:
                  trustedProxies: [10.0.0.0/8]
                session:
                  cookieCache: jwe
                """);
        ServerSettings settings = new SettingsLoader(Map.of("POSTERN_RATE_LIMIT_ENABLED", "false",
                "POSTERN_RATE_LIMIT_MAX", "5", "POSTERN_IP_HEADERS", "x-real-ip"), dir, List.of()).load(Optional.empty());

        EngineSettings engine = settings.engine();
        assertThat(engine.rateLimitEnabled()).contains(false);
        assertThat(engine.rateLimitMax()).contains(5);
        assertThat(engine.rateLimitWindow()).contains(java.time.Duration.ofSeconds(60));
        assertThat(engine.rateLimitStorage()).contains(dev.postern.ratelimit.RateLimitStorageType.DATABASE);
        assertThat(engine.trustedProxies()).contains(List.of("10.0.0.0/8"));
        assertThat(engine.ipHeaders()).contains(List.of("x-real-ip"));
        assertThat(engine.cookieCache()).contains(dev.postern.crypto.CookieCacheStrategy.JWE);
    }

    @Test
    void engineSettingsWithBadValuesThenOneLineNamingTheKey() {
        assertRefused(Map.of("POSTERN_RATE_LIMIT_ENABLED", "sometimes"),
                "POSTERN_RATE_LIMIT_ENABLED: expected true or false, got \"sometimes\"");
        assertRefused(Map.of("POSTERN_RATE_LIMIT_MAX", "-1"),
                "POSTERN_RATE_LIMIT_MAX: expected a positive whole number, got \"-1\"");
        assertRefused(Map.of("POSTERN_RATE_LIMIT_STORAGE", "redis"),
                "POSTERN_RATE_LIMIT_STORAGE: expected memory, database or secondary-storage, got \"redis\"");
        assertRefused(Map.of("POSTERN_SESSION_COOKIE_CACHE", "plain"),
                "POSTERN_SESSION_COOKIE_CACHE: expected compact, jwt or jwe, got \"plain\"");
    }

    @Test
    void versionedSecretsReplaceTheSecretAndAreCheckedInProduction() {
        ServerSettings settings = load(Map.of("POSTERN_ENV", "production",
                "POSTERN_SECRETS", "2:" + GOOD_SECRET + "-new,1:" + GOOD_SECRET));

        assertThat(settings.secrets()).contains("2:" + GOOD_SECRET + "-new,1:" + GOOD_SECRET);
        assertThat(settings.toString()).doesNotContain(GOOD_SECRET);
        assertRefused(Map.of("POSTERN_SECRETS", "2:" + GOOD_SECRET + ",oops"), "POSTERN_SECRETS: entry 2 has no ':'; expected \"<version>:<secret>\"");
        assertRefused(Map.of("POSTERN_ENV", "production", "POSTERN_SECRETS", "2:short,1:" + GOOD_SECRET),
                "POSTERN_SECRETS: the current (first) secret must be at least 32 characters in production, got 5; "
                        + "generate one with `postern secret`");
    }

    @Test
    void securitySwitchesAndCorsFromTheEnvironment() {
        ServerSettings settings = load(Map.of("POSTERN_DISABLE_ORIGIN_CHECK", "/sso/callback, /hooks",
                "POSTERN_DISABLE_CSRF_CHECK", "true", "POSTERN_CORS_ALLOWED_HEADERS", "content-type,x-tenant",
                "POSTERN_CORS_MAX_AGE", "60"));

        dev.postern.security.SecuritySettings security = settings.engine().security();
        assertThat(security.originCheckDisabledPaths()).containsExactly("/sso/callback", "/hooks");
        assertThat(security.csrfCheckDisabled()).isTrue();
        assertThat(security.cors().allowedHeaders()).containsExactly("content-type", "x-tenant");
        assertThat(security.cors().maxAge()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(load(Map.of()).engine().security()).isEqualTo(dev.postern.security.SecuritySettings.defaults());
        assertRefused(Map.of("POSTERN_DISABLE_ORIGIN_CHECK", "sso"),
                "POSTERN_DISABLE_ORIGIN_CHECK: expected true, false or a list of paths such as /sso/callback, got \"sso\"");
    }

    @Test
    void rateLimitCustomRulesFromYaml() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), """
                rateLimit:
                  customRules:
                    /sign-in/*: { window: 60, max: 5 }
                    /get-session: false
                """);

        Map<String, dev.postern.ratelimit.CustomRateLimitRule> rules = load(Map.of()).engine().rateLimitCustomRules();

        assertThat(rules.get("/sign-in/*")).isEqualTo(dev.postern.ratelimit.CustomRateLimitRule.limit(java.time.Duration.ofSeconds(60), 5));
        assertThat(rules.get("/get-session")).isEqualTo(dev.postern.ratelimit.CustomRateLimitRule.disabled());
    }

    @Test
    void rateLimitCustomRulesWithAWrongShapeThenOneLineNamingThePath() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), """
                rateLimit:
                  customRules:
                    /sign-in/*: { window: 60 }
                """);

        assertThatThrownBy(() -> load(Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("rateLimit.customRules (postern.yaml) \"/sign-in/*\": expected { window: <seconds>, max: <count> } or false");
    }
}
