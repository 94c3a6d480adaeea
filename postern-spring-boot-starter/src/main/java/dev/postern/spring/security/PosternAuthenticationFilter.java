package dev.postern.spring.security;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.plugin.organization.MemberAccess;
import dev.postern.plugin.organization.OrganizationPlugin;
import dev.postern.servlet.ServletRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;

/**
 * Authenticates a request for Spring Security from what Postern accepts: it asks Postern's own
 * {@code getSession} endpoint (Java API, with the request's headers), so the session cookie, the cookie
 * cache, and whatever enabled plugins turn into a session in their hooks ({@code Authorization: Bearer}
 * with the {@code bearer} plugin, API keys with an API-key plugin) all count, with no second
 * implementation here. Cookies the read sets (a refreshed session, an expired one cleared) go on the
 * response. A request that already has an authentication, or carries no session, passes untouched.
 *
 * <p>The authorities are named by {@link PosternAuthorities}: the user's roles, and with the organization
 * plugin the roles and permissions of the user's membership in the session's active organization, read
 * through {@link OrganizationPlugin#memberAccess} (the plugin's own permission logic, two reads at most).
 *
 * <p>Install it with {@link PosternSecurityConfigurer}.
 */
public final class PosternAuthenticationFilter extends OncePerRequestFilter {
    private final Postern postern;
    private final PosternAuthorities authorities;
    private final Optional<OrganizationPlugin> organizations;
    private SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public PosternAuthenticationFilter(Postern postern, PosternAuthorities authorities) {
        this.postern = Objects.requireNonNull(postern, "postern");
        this.authorities = Objects.requireNonNull(authorities, "authorities");
        this.organizations = postern.plugin(OrganizationPlugin.class);
    }

    public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy strategy) {
        this.contexts = Objects.requireNonNull(strategy, "strategy");
    }

    /** The error page of a refused request runs as the same user, so it is not refused in turn. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (contexts.getContext().getAuthentication() == null) {
            resolve(request, response).ifPresent(authentication -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(authentication);
                contexts.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    private Optional<PosternAuthentication> resolve(HttpServletRequest request, HttpServletResponse response) {
        PosternApi.ApiResult result = postern.api().call("getSession",
                PosternApi.ApiCall.empty().withHeaders(ServletRequests.withoutBody(request).headers()));
        result.cookies().forEach(cookie -> response.addHeader("Set-Cookie", cookie.toHeader()));
        JsonNode body = result.json();
        if (body == null || !body.path("user").isObject()) {
            return Optional.empty();
        }
        PosternUser user = new PosternUser(body.get("user"), body.path("session"));
        MemberAccess organization = organizations
                .flatMap(plugin -> plugin.memberAccess(postern, user.id(), user.activeOrganizationId()))
                .orElse(null);
        return Optional.of(new PosternAuthentication(user, organization, authorities.of(user, organization)));
    }
}
