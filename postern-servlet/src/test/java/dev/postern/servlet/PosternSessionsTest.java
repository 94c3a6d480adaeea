package dev.postern.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.jdbc.JdbcStoreProvider;
import dev.postern.jdbc.JdbcStores;
import dev.postern.jdbc.migration.Migrator;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.session.Session;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The application's own servlet asks {@link PosternSessions} who is signed in, on a real SQLite database. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PosternSessionsTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestDatabase.Instance database;
    private JdbcStoreProvider store;
    private Postern postern;
    private EmbeddedJetty jetty;
    private String origin;

    @BeforeEach
    void start() {
        database = TestDatabase.SQLITE.create();
        store = JdbcStores.fromUrl(database.url());
        int port = EmbeddedJetty.freePort();
        origin = "http://127.0.0.1:" + port;
        postern = Postern.create(PosternConfig.builder()
                .baseUrl(origin)
                .secret(TestPostern.SECRET)
                .database(store)
                .plugins(java.util.List.of(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin()))
                .rateLimit(RateLimitSettings.disabled())
                .build());
        new Migrator(store.dataSource(), store.dialect(), postern.schema()).migrate();
        jetty = EmbeddedJetty.builder(postern, port).servlet("/me", new WhoAmIServlet()).start();
    }

    @AfterEach
    void stop() {
        jetty.close();
        postern.close();
        store.close();
        database.drop();
        client.close();
    }

    @Test
    void signedInThenTheApplicationsServletSeesTheSessionOfThatUser() throws Exception {
        String cookies = signUp("ada@example.com");

        HttpResponse<String> me = client.send(HttpRequest.newBuilder(jetty.uri("/me")).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).isEqualTo("ada@example.com (read once, attribute set)");
    }

    @Test
    void noSessionCookieThenTheApplicationsServletSeesNoSession() throws Exception {
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(jetty.uri("/me")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(me.statusCode()).isEqualTo(401);
    }

    @Test
    void forgedSessionCookieThenTheApplicationsServletSeesNoSession() throws Exception {
        HttpResponse<String> me = client.send(HttpRequest.newBuilder(jetty.uri("/me"))
                        .header("Cookie", "better-auth.session_token=forged.signature").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(me.statusCode()).isEqualTo(401);
    }

    /** Signs up through the filter and returns the cookies it set, as a {@code Cookie} header. */
    private String signUp(String email) throws IOException, InterruptedException {
        HttpResponse<String> signUp = client.send(HttpRequest.newBuilder(jetty.uri("/api/auth/sign-up/email"))
                        .header("Content-Type", "application/json")
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                                + "\",\"password\":\"correct horse battery\",\"name\":\"Ada\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
        return signUp.headers().allValues("set-cookie").stream()
                .map(header -> header.substring(0, header.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    /** An application servlet: the signed-in user's e-mail, or 401. */
    private static final class WhoAmIServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Optional<Session> session = PosternSessions.current(request);
            if (session.isEmpty()) {
                response.sendError(401);
                return;
            }
            boolean readOnce = PosternSessions.current(request) == session;
            boolean attributeSet = request.getAttribute(PosternSessions.ATTRIBUTE) == session.get();
            response.getWriter().write(session.get().user().string("email")
                    + (readOnce ? " (read once" : " (read twice") + (attributeSet ? ", attribute set)" : ")"));
        }
    }
}
