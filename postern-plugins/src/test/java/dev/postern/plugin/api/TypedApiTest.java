package dev.postern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.api.ApiResponse;
import dev.postern.api.ApiSession;
import dev.postern.api.SessionAndUser;
import dev.postern.core.CoreApi;
import dev.postern.endpoint.Endpoint;
import dev.postern.error.ApiException;
import dev.postern.http.Headers;
import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.emailpassword.EmailPasswordApi;
import dev.postern.plugin.emailpassword.EmailPasswordApi.ChangePasswordRequest;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignInEmailRequest;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignUpEmailRequest;
import dev.postern.plugin.session.SessionApi;
import dev.postern.plugin.user.UserApi;
import dev.postern.plugin.user.UserApi.UpdateUserRequest;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The typed Java API: every endpoint of the core and of every plugin has a method of its name on its
 * package's facade ({@code XPlugin} → {@code XApi}), and the methods reach the real endpoints.
 */
class TypedApiTest {
    private static final String PASSWORD = "correct horse battery";
    /** Options without which a factory refuses to make its plugin, or leaves some of its endpoints out. */
    private static final Map<String, Map<String, Object>> OPTIONS_REQUIRED = Map.of(
            "captcha", Map.of("provider", "cloudflare-turnstile", "secretKey", "test-secret"),
            "organization", Map.of("teams", Map.of("enabled", true), "dynamicAccessControl", Map.of("enabled", true)));

    @Test
    void everyCoreEndpointOnTheRouterHasATypedMethodOfItsName() {
        try (TestPostern auth = TestPostern.start(CorePlugins.defaults().toArray(Plugin[]::new))) {
            assertEveryEndpointTyped(auth, 20);
        }
    }

    /**
     * Every plugin a factory offers, enabled together: each plugin with endpoints has its {@code XApi} with a
     * method per endpoint name, server-only endpoints included.
     */
    @Test
    void everyPluginEndpointHasATypedMethodOfItsName() {
        List<Plugin> plugins = new ArrayList<>();
        for (PluginFactory factory : ServiceLoader.load(PluginFactory.class)) {
            plugins.add(factory.create(OPTIONS_REQUIRED.getOrDefault(factory.id(), Map.of())));
        }
        assertThat(plugins).extracting(Plugin::id)
                .contains("two-factor", "admin", "api-key", "passkey", "jwt", "social", "organization");
        try (TestPostern auth = TestPostern.start(plugins.toArray(Plugin[]::new))) {
            assertEveryEndpointTyped(auth, 132);
        }
    }

    /** The check itself: an endpoint whose facade has no method of its name fails it, naming the endpoint. */
    @Test
    void anEndpointWithoutATypedMethodFailsTheCheck() {
        try (TestPostern auth = TestPostern.start(new ProbePlugin())) {
            assertThatThrownBy(() -> assertEveryEndpointTyped(auth, 0))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ProbeApi").hasMessageContaining("probeUntyped");
        }
    }

    private static void assertEveryEndpointTyped(TestPostern auth, int atLeast) {
        Set<String> typed = new TreeSet<>(methodNames(CoreApi.class));
        for (Plugin plugin : auth.postern().config().plugins()) {
            Set<String> endpoints = plugin.endpoints().stream().map(Endpoint::name).collect(Collectors.toSet());
            if (endpoints.isEmpty()) {
                continue;
            }
            Class<?> facade = facadeOf(plugin);
            Set<String> methods = methodNames(facade);
            assertThat(methods).as("typed methods of %s", facade.getSimpleName()).containsAll(endpoints);
            typed.addAll(methods);
        }
        Set<String> callable = new TreeSet<>(auth.postern().api().names());
        assertThat(callable).hasSizeGreaterThan(atLeast);
        assertThat(typed).containsAll(callable);
    }

    @SqliteAndPostgres
    void typedCallsSignUpSignInReadUpdateAndRevokeSessions(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, CorePlugins.defaults().toArray(Plugin[]::new))) {
            EmailPasswordApi emailPassword = EmailPasswordApi.of(auth.postern());
            SessionApi sessions = SessionApi.of(auth.postern());
            UserApi users = UserApi.of(auth.postern());

            var signedUp = emailPassword.signUpEmail(new SignUpEmailRequest("Ada", "ada@example.com", PASSWORD));
            assertThat(signedUp.value().user().email()).isEqualTo("ada@example.com");
            assertThat(signedUp.value().token()).hasSize(32);
            var signedIn = emailPassword.signInEmail(new SignInEmailRequest("ADA@example.com", PASSWORD));
            assertThat(signedIn.value().redirect()).isFalse();
            Headers browser = cookiesOf(signedIn);

            ApiResponse<SessionAndUser> current = sessions.getSession(browser);
            assertThat(current.value().user().id()).isEqualTo(signedUp.value().user().id());
            assertThat(current.value().session().token()).isEqualTo(signedIn.value().token());
            List<ApiSession> listed = sessions.listSessions(browser).value();
            assertThat(listed).extracting(ApiSession::token)
                    .containsExactlyInAnyOrder(signedUp.value().token(), signedIn.value().token());

            assertThat(users.updateUser(browser, new UpdateUserRequest("Ada Lovelace", null, null)).value().status())
                    .isTrue();
            assertThat(sessions.getSession(browser).value().user().name()).isEqualTo("Ada Lovelace");
            assertThat(users.listUserAccounts(browser).value()).extracting(a -> a.providerId())
                    .containsExactly("credential");

            assertThat(sessions.revokeOtherSessions(browser).value().status()).isTrue();
            assertThat(sessions.listSessions(browser).value()).hasSize(1);
            var changed = emailPassword.changePassword(browser,
                    new ChangePasswordRequest("a new long password", PASSWORD, null));
            assertThat(changed.value().user().email()).isEqualTo("ada@example.com");
            assertThat(sessions.signOut(browser).value().success()).isTrue();
            assertThat(sessions.getSession(browser).value()).isNull();
            assertThatThrownBy(() -> emailPassword.signInEmail(new SignInEmailRequest("ada@example.com", PASSWORD)))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_EMAIL_OR_PASSWORD"));
            assertThat(new CoreApi(auth.postern().api()).ok().value().ok()).isTrue();
        }
    }

    /** The cookies a browser would send back after this response. */
    private static Headers cookiesOf(ApiResponse<?> response) {
        String cookie = response.cookies().stream().map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
        return Headers.of("Cookie", cookie);
    }

    private static Class<?> facadeOf(Plugin plugin) {
        Class<?> type = plugin.getClass();
        String name = type.getPackageName() + "." + type.getSimpleName().replaceFirst("Plugin$", "Api");
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type.getSimpleName() + " has no typed facade " + name, e);
        }
    }

    private static Set<String> methodNames(Class<?> facade) {
        return Arrays.stream(facade.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toCollection(HashSet::new));
    }

}
