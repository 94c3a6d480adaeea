package dev.postern.spring;

import dev.postern.PosternConfig;

/**
 * A bean that adjusts the configuration the starter builds from {@code postern.*}, for what properties
 * cannot say: a mailer, hooks, additional user fields, a secondary storage.
 *
 * <pre>{@code
 * @Bean
 * PosternConfigCustomizer roles() {
 *     return config -> config.additionalField("user", Field.of("role", FieldType.STRING).optional().noInput().build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface PosternConfigCustomizer {
    void customize(PosternConfig.Builder config);
}
