package dev.postern.spring;

import dev.postern.Postern;
import dev.postern.store.Where;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A {@code postern} health contributor for Actuator, when the application has it: up when Postern's
 * {@code user} table answers a lookup through Postern's own store, which proves both the connection and
 * the migrated schema (a database that is up but lacks Postern's tables is down for Postern).
 */
@AutoConfiguration(after = PosternAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Postern.class)
public class PosternHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "posternHealthIndicator")
    public HealthIndicator posternHealthIndicator(Postern postern) {
        return () -> {
            // An indexed lookup of an id no user has: cheap on any table size.
            postern.store().findOne("user", Where.eq("id", "postern-health-check"));
            return Health.up().withDetail("database", postern.config().storeProvider().describe()).build();
        };
    }
}
