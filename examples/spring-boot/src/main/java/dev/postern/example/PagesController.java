package dev.postern.example;

import dev.postern.spring.security.PosternUser;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application's own pages: one public, one for any signed-in user, one for admins. */
@RestController
public class PagesController {

    @GetMapping("/")
    public Map<String, String> home() {
        return Map.of("message", "Sign in at /api/auth/sign-in/email");
    }

    /** The protected page: whoever Postern says is signed in. */
    @GetMapping("/me")
    public Map<String, Object> me(@AuthenticationPrincipal PosternUser user) {
        return Map.of("id", user.id(), "email", user.email(), "roles", user.roles());
    }

    @GetMapping("/admin/report")
    @PreAuthorize("hasRole('admin')")
    public Map<String, String> adminReport(@AuthenticationPrincipal PosternUser user) {
        return Map.of("report", "for admins only", "viewer", user.email());
    }
}
