package dev.postern.example;

import dev.postern.spring.security.PosternUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's own pages: one public, one for any signed-in user, one for admins, one for members
 * whose role in their active organization may create projects.
 */
@RestController
public class PagesController {

    @GetMapping("/")
    public Map<String, String> home() {
        return Map.of("message", "Sign in at /api/auth/sign-in/email");
    }

    /** The protected page: whoever Postern says is signed in, and the authorities Spring Security sees. */
    @GetMapping("/me")
    public Map<String, Object> me(@AuthenticationPrincipal PosternUser user, Authentication authentication) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("email", user.email());
        out.put("roles", user.roles());
        out.put("activeOrganizationId", user.activeOrganizationId());
        out.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        return out;
    }

    @GetMapping("/admin/report")
    @PreAuthorize("hasRole('admin')")
    public Map<String, String> adminReport(@AuthenticationPrincipal PosternUser user) {
        return Map.of("report", "for admins only", "viewer", user.email());
    }

    /**
     * The new-project form: the permission is {@code project: [create]} of the organization plugin's roles
     * (application.yml), checked in the session's active organization.
     */
    @GetMapping("/projects/new")
    @PreAuthorize("hasAuthority('org:project:create')")
    public Map<String, String> newProject(@AuthenticationPrincipal PosternUser user) {
        return Map.of("organizationId", user.activeOrganizationId());
    }
}
