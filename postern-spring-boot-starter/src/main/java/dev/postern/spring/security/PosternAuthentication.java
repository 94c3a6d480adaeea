package dev.postern.spring.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by Postern (session cookie, or a bearer token or API key when those plugins are
 * on): the principal is the {@link PosternUser}, the authorities the user's roles
 * ({@code ROLE_admin} for role {@code admin}), so {@code @PreAuthorize("hasRole('admin')")} works.
 */
public final class PosternAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;

    private final transient PosternUser user;

    public PosternAuthentication(PosternUser user, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = user;
        setAuthenticated(true);
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
