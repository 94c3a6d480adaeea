package dev.postern.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that signs users in with Postern: the starter mounts Postern's endpoints at
 * {@code /api/auth/**} over the application's DataSource, and Spring Security sees Postern's sessions
 * ({@link SecurityConfiguration}).
 */
// Users are Postern's: Spring Boot's generated in-memory user would only be a second, unused way in.
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
public class ExampleApplication {
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
