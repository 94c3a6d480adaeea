package dev.postern.example;

import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.spring.PosternConfigCustomizer;
import dev.postern.spring.security.PosternSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may see what: the home page and health are public, everything else needs a Postern session (cookie,
 * or bearer token with the {@code bearer} plugin), and {@code @PreAuthorize} checks roles: the user's
 * ({@code hasRole('admin')}) and those of the active organization ({@code hasAuthority('org:project:create')}).
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain appSecurity(HttpSecurity http) throws Exception {
        return http.with(PosternSecurityConfigurer.postern(), Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                // Sessions are Postern's; Spring keeps none of its own.
                .sessionManagement(session -> session.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    /**
     * A {@code role} on users, as better-auth's admin plugin adds it; an application running the admin
     * plugin gets the column from the plugin instead and drops this bean.
     */
    @Bean
    PosternConfigCustomizer userRoles() {
        return config -> config.additionalField("user",
                Field.of("role", FieldType.STRING).optional().noInput().build());
    }
}
