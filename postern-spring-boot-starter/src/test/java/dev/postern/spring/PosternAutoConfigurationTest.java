package dev.postern.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.Postern;
import dev.postern.PosternApi.ApiCall;
import dev.postern.error.ApiException;
import dev.postern.jdbc.DataSourceStoreProvider;
import dev.postern.plugin.bearer.BearerPlugin;
import dev.postern.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration from {@code postern.*} properties, over the application's own DataSource. */
class PosternAutoConfigurationTest {
    private static final String SECRET = "spring-starter-test-secret-long-enough-0123456789";
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PosternAutoConfiguration.class))
            .withPropertyValues("postern.secret=" + SECRET);

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void posternTablesLiveInTheApplicationsDataSource(TestDatabase kind) {
        TestDatabase.Instance database = kind.create();
        String jdbcUrl = database.url().startsWith("sqlite:") ? "jdbc:" + database.url() + "?foreign_keys=on"
                : database.url();
        try {
            context.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                    .withPropertyValues("spring.datasource.url=" + jdbcUrl).run(app -> {
                Postern postern = app.getBean(Postern.class);
                assertThat(postern.config().storeProvider()).isInstanceOf(DataSourceStoreProvider.class);

                postern.api().call("signUpEmail", ApiCall.body(Map.of(
                        "email", "ada@example.com", "password", "correct horse battery", "name", "Ada")));

                try (Connection connection = app.getBean(DataSource.class).getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT email FROM \"user\"")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("ada@example.com");
                }
            });
        } finally {
            database.drop();
        }
    }

    @Test
    void propertiesReachTheConfigurationAndThePlugins() {
        TestDatabase.Instance database = TestDatabase.SQLITE.create();
        try {
            context.withPropertyValues(
                    "postern.database.url=" + database.url(),
                    "postern.base-url=https://shop.example.com",
                    "postern.trusted-origins[0]=https://admin.example.com",
                    "postern.session.expires-in=2h",
                    "postern.rate-limit.max=7",
                    "postern.plugins.bearer.enabled=true",
                    "postern.plugins.email-password.minPasswordLength=12").run(app -> {
                Postern postern = app.getBean(Postern.class);
                assertThat(postern.config().baseUrl().toString()).isEqualTo("https://shop.example.com");
                assertThat(postern.config().trustedOrigins()).containsExactly("https://admin.example.com");
                assertThat(postern.config().session().expiresIn()).isEqualTo(Duration.ofHours(2));
                assertThat(postern.config().rateLimit().max()).isEqualTo(7);
                assertThat(postern.plugin(BearerPlugin.class)).isPresent();
                assertThat(postern.config().plugins()).extracting(p -> p.id())
                        .containsExactly("email-password", "session", "social", "user", "bearer");

                assertThatThrownBy(() -> postern.api().call("signUpEmail", ApiCall.body(Map.of(
                        "email", "ada@example.com", "password", "eleven char", "name", "Ada"))))
                        .isInstanceOfSatisfying(ApiException.class,
                                e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_SHORT"));
            });
        } finally {
            database.drop();
        }
    }

    @Test
    void aMistakeInPluginOptionsStopsStartUpNamingTheProperty() {
        TestDatabase.Instance database = TestDatabase.SQLITE.create();
        try {
            context.withPropertyValues("postern.database.url=" + database.url(), "postern.plugins.two-factr.enabled=true")
                    .run(app -> assertThat(app).getFailure().rootCause()
                            .hasMessageContaining("postern.plugins: unknown plugin \"two-factr\""));
            context.withPropertyValues("postern.database.url=" + database.url(), "postern.plugins.bearer.requireSignatur=true")
                    .run(app -> assertThat(app).getFailure()
                            .hasStackTraceContaining("postern.plugins.bearer: unknown option [requireSignatur]"));
        } finally {
            database.drop();
        }
    }

    @Test
    void nothingIsConfiguredWhenDisabled() {
        context.withPropertyValues("postern.enabled=false")
                .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(Postern.class));
    }

    @Test
    void pluginOptionsBoundFromPropertiesKeepYamlShapes() {
        Map<String, String> source = Map.of(
                "postern.plugins.x.providers[0]", "github",
                "postern.plugins.x.providers[1]", "google",
                "postern.plugins.x.emailVerification.expiresIn", "3600",
                "postern.plugins.x.allowedAttempts", "3");
        PosternProperties bound = new Binder(new MapConfigurationPropertySource(source))
                .bind("postern", PosternProperties.class).get();

        assertThat(PluginOptionValues.normalize(bound.getPlugins().get("x"), false)).isEqualTo(Map.of(
                "providers", List.of("github", "google"),
                "emailVerification", Map.of("expiresIn", "3600"),
                "allowedAttempts", "3"));
    }

    @Test
    void pluginOptionListsBoundBySpringBecomeLists() {
        Map<String, Object> bound = Map.of("providers", Map.of("0", "github", "1", "google"),
                "nested", Map.of("[0]", Map.of("id", "a")), "enabled", "true");
        assertThat(PluginOptionValues.normalize(bound, false)).isEqualTo(Map.of(
                "providers", List.of("github", "google"), "nested", List.of(Map.of("id", "a"))));
        assertThat(PluginOptionValues.normalize(bound, true)).containsEntry("enabled", "true");
        assertThat(PluginOptionValues.enabled(Map.of("enabled", false))).isFalse();
        assertThat(PluginOptionValues.enabled(Map.of())).isTrue();
    }
}
