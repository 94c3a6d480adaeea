package dev.postern.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestPostern;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's embedding example: the three core plugins give an instance better-auth's core routes. */
class CorePluginsTest {

    @Test
    void defaultsServeSignUpAndGetSessionAsTheReadmeShows() {
        try (TestPostern auth = TestPostern.builder().plugins(CorePlugins.defaults().toArray(Plugin[]::new)).start()) {
            var client = auth.client();
            client.postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", "correct horse battery",
                    "name", "Ada")).assertStatus(200);

            assertThat(client.get("/get-session").assertStatus(200).json().path("user").path("email").asString())
                    .isEqualTo("ada@example.com");
            assertThat(CorePlugins.defaults()).extracting(Plugin::id).containsExactly("session", "email-password", "user");
        }
    }
}
