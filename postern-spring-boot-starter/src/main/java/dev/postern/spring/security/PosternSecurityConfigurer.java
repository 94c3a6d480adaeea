package dev.postern.spring.security;

import dev.postern.Postern;
import dev.postern.spring.PosternProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Adds Postern authentication to a Spring Security filter chain:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain app(HttpSecurity http) throws Exception {
 *     return http.with(PosternSecurityConfigurer.postern(), Customizer.withDefaults())
 *             .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
 *             .build();
 * }
 * }</pre>
 *
 * <p>The {@link Postern} bean and the authority prefixes ({@code postern.security.*}, see
 * {@link PosternAuthorities}) come from the application context. Postern's own endpoints never reach the chain: the starter's servlet filter
 * answers {@code /api/auth/**} before Spring Security runs, and they do their own origin checks.
 */
public final class PosternSecurityConfigurer extends AbstractHttpConfigurer<PosternSecurityConfigurer, HttpSecurity> {

    /** A configurer for {@code http.with(...)}. */
    public static PosternSecurityConfigurer postern() {
        return new PosternSecurityConfigurer();
    }

    @Override
    public void configure(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        PosternAuthorities authorities = PosternAuthorities.of(context.getBeanProvider(PosternProperties.class)
                .getIfAvailable(PosternProperties::new).getSecurity());
        PosternAuthenticationFilter filter = new PosternAuthenticationFilter(context.getBean(Postern.class), authorities);
        filter.setSecurityContextHolderStrategy(getSecurityContextHolderStrategy());
        http.addFilterBefore(postProcess(filter), AnonymousAuthenticationFilter.class);
    }
}
