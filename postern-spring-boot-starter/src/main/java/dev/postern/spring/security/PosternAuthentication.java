package dev.postern.spring.security;

import dev.postern.plugin.organization.MemberAccess;
import java.util.Collection;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by Postern (session cookie, or a bearer token or API key when those plugins are
 * on): the principal is the {@link PosternUser}, the authorities the user's roles ({@code ROLE_admin} for
 * role {@code admin}) and, with the organization plugin, the roles and permissions of the user in the
 * session's active organization ({@code ORG_ROLE_owner}, {@code org:project:create}; see
 * {@link PosternAuthorities}), so {@code @PreAuthorize("hasRole('admin')")} and
 * {@code @PreAuthorize("hasAuthority('org:project:create')")} work.
 */
public final class PosternAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final transient PosternUser user;
    private final transient MemberAccess organization;

    /** @param organization the user's membership in the active organization, or null */
    public PosternAuthentication(PosternUser user, MemberAccess organization,
                                 Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = user;
        this.organization = organization;
        setAuthenticated(true);
    }

    /**
     * The user's membership in the session's active organization (its id, the member id, roles and
     * permissions); empty without an active organization, the organization plugin, or a membership.
     */
    public Optional<MemberAccess> organization() {
        return Optional.ofNullable(organization);
    }

    @Override
    public PosternUser getPrincipal() {
        return user;
    }

    /** Always null: the token or cookie that proved the session is not kept. */
    @Override
    public Object getCredentials() {
        return null;
    }
}
