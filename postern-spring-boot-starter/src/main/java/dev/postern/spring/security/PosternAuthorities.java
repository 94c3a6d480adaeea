package dev.postern.spring.security;

import dev.postern.plugin.organization.MemberAccess;
import dev.postern.spring.PosternProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Names the authorities of a Postern-authenticated request ({@code postern.security.*}):
 * <ul>
 *   <li>{@code ROLE_admin} for each of the user's roles ({@code user.role}, admin plugin);</li>
 *   <li>{@code ORG_ROLE_owner} for each of the user's roles in the session's active organization;</li>
 *   <li>{@code org:project:create} for each action on each resource those organization roles permit,
 *       configured and stored (dynamic) roles alike.</li>
 * </ul>
 * An organization permission authority is one resource and one action: it is granted exactly when
 * {@code has-permission} would allow {@code {project: ["create"]}} in the active organization.
 */
public record PosternAuthorities(String rolePrefix, String organizationRolePrefix, String organizationPermissionPrefix) {
    public PosternAuthorities {
        Objects.requireNonNull(rolePrefix, "rolePrefix");
        Objects.requireNonNull(organizationRolePrefix, "organizationRolePrefix");
        Objects.requireNonNull(organizationPermissionPrefix, "organizationPermissionPrefix");
    }

    /** The prefixes of {@code postern.security.*}. */
    public static PosternAuthorities of(PosternProperties.Security security) {
        return new PosternAuthorities(security.getRolePrefix(), security.getOrganizationRolePrefix(),
                security.getOrganizationPermissionPrefix());
    }

    /** The authorities of {@code user}, with those of its membership in the active organization when it has one. */
    public List<GrantedAuthority> of(PosternUser user, MemberAccess organization) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(rolePrefix + role)));
        if (organization != null) {
            organization.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(organizationRolePrefix + role)));
            organization.permissions().forEach((resource, actions) -> actions.forEach(action ->
                    authorities.add(new SimpleGrantedAuthority(organizationPermissionPrefix + resource + ":" + action))));
        }
        return List.copyOf(authorities);
    }
}
