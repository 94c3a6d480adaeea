package dev.postern.plugin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferencePageTest {
    private static TestPostern auth;

    @BeforeAll
    static void start() {
        auth = AllPlugins.start();
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void referencePageLoadsSwaggerUiFromTheServerNotACdn() {
        TestResponse page = auth.client().get("/reference").assertStatus(200);

        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("/api/auth/reference/assets/swagger-ui-bundle.js",
                "\"/api/auth/open-api/generate-schema\"").doesNotContain("https://", "http://");
    }

    @Test
    void assetsAreServedWithTheirContentTypes() {
        TestResponse script = auth.client().get("/reference/assets/swagger-ui-bundle.js").assertStatus(200);
        TestResponse css = auth.client().get("/reference/assets/swagger-ui.css").assertStatus(200);

        assertThat(script.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(css.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    @Test
    void assetRouteServesOnlyTheFilesThePageUses() {
        assertThat(auth.client().get("/reference/assets/index.html").status()).isEqualTo(404);
        assertThat(auth.client().get("/reference/assets/..%2F..%2Fpom.properties").status()).isNotEqualTo(200);
        assertThat(auth.client().get("/reference/assets/%2E%2E").status()).isNotEqualTo(200);
        assertThat(auth.client().get("/reference/assets/../../META-INF/MANIFEST.MF").status()).isNotEqualTo(200);
    }

    @Test
    void referencePathIsConfigurable() {
        try (TestPostern custom = TestPostern.builder()
                .plugins(new OpenApiPlugin(new OpenApiOptions("/docs"))).start()) {
            assertThat(custom.client().get("/docs").body()).contains("/api/auth/docs/assets/swagger-ui.css");
            assertThat(custom.client().get("/docs/assets/swagger-ui.css").status()).isEqualTo(200);
            assertThat(custom.client().get("/reference").status()).isEqualTo(404);
        }
    }
}
