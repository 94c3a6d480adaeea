package dev.postern.spring;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.jdbc.DataSourceStoreProvider;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.plugin.Plugin;
import dev.postern.servlet.PosternFilter;
import dev.postern.spring.webflux.PosternWebFilter;
import dev.postern.store.StoreProvider;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Postern in a Spring Boot application: a {@link Postern} bean built from {@code postern.*} over the
 * application's {@link DataSource} (or {@code postern.database.url}), migrated at start-up, and in a
 * servlet web application its endpoints mounted at {@code postern.base-path} ({@code /api/auth/**}) by
 * {@link PosternFilter}, ahead of Spring Security and Spring MVC; in a reactive one (WebFlux without Spring
 * MVC) by {@link PosternWebFilter}, ahead of Spring Security's web filters.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnProperty(prefix = "postern", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PosternProperties.class)
public class PosternAutoConfiguration {
    /**
     * Before every other filter but character encoding: Postern reads request bodies itself, so nothing
     * may consume a form body first, and its endpoints do their own origin checks.
     */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * Where Postern's tables live. A bean of its own so that the pool of {@code postern.database.url} is
     * closed with the context (Spring infers {@code close()}); the application's DataSource is left alone.
     */
    @Bean
    @ConditionalOnMissingBean
    public StoreProvider posternStoreProvider(PosternProperties properties, ObjectProvider<DataSource> dataSource) {
        return database(properties, dataSource);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Postern postern(PosternProperties properties, StoreProvider database, ObjectProvider<Plugin> plugins,
                           ObjectProvider<PosternConfigCustomizer> customizers) {
        PosternConfig.Builder builder = PosternConfigFactory.builder(properties, database,
                plugins.orderedStream().toList(), PosternAutoConfiguration.class.getClassLoader());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        Postern postern = Postern.create(builder.build());
        if (properties.getDatabase().isMigrate()) {
            migrate(database, postern);
        }
        return postern;
    }

    private static StoreProvider database(PosternProperties properties, ObjectProvider<DataSource> dataSource) {
        String url = properties.getDatabase().getUrl();
        if (url != null && !url.isBlank()) {
            return JdbcStores.fromUrl(url);
        }
        DataSource shared = dataSource.getIfUnique();
        if (shared == null) {
            throw new IllegalStateException("Postern needs a database: define one DataSource (spring.datasource.*) "
                    + "or set postern.database.url");
        }
        return JdbcStores.fromDataSource(shared);
    }

    private static void migrate(StoreProvider database, Postern postern) {
        if (database instanceof DataSourceStoreProvider shared) {
            new Migrator(shared.dataSource(), shared.dialect(), postern.schema()).migrate();
        } else if (database instanceof JdbcStoreProvider own) {
            new Migrator(own.dataSource(), own.dialect(), postern.schema()).migrate();
        }
    }

    /** Mounts the endpoints in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    static class ServletConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "posternFilter")
        FilterRegistrationBean<PosternFilter> posternFilter(Postern postern) {
            FilterRegistrationBean<PosternFilter> registration = new FilterRegistrationBean<>(new PosternFilter(postern));
            registration.addUrlPatterns("/*");
            registration.setOrder(FILTER_ORDER);
            registration.setName("posternFilter");
            return registration;
        }
    }

    /** Mounts the endpoints in a reactive (WebFlux) web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(name = "org.springframework.web.server.WebFilter")
    static class ReactiveConfiguration {
        @Bean
        @ConditionalOnMissingBean
        @Order(FILTER_ORDER)
        PosternWebFilter posternWebFilter(Postern postern) {
            return new PosternWebFilter(postern);
        }
    }
}
