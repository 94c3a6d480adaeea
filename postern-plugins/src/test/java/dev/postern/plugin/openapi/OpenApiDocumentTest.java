package dev.postern.plugin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.postern.endpoint.Endpoint;
import dev.postern.testkit.TestPostern;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiDocumentTest {
    private static TestPostern auth;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        auth = AllPlugins.start();
        document = auth.client().get("/open-api/generate-schema").assertStatus(200).json();
    }

    @AfterAll
    static void stop() {
        auth.close();
    }

    @Test
    void documentValidatesAgainstTheOpenApi31Schema() throws Exception {
        Schema oas31;
        try (InputStream in = getClass().getResourceAsStream("/openapi/oas-3.1-schema.json")) {
            oas31 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(JsonMapper.builder().build().readTree(in));
        }
        List<Error> errors = oas31.validate(document);

        assertThat(errors).isEmpty();
        // The schema is really applied: a Swagger 2 shaped document is refused.
        assertThat(oas31.validate(JsonMapper.builder().build().readTree("{\"swagger\":\"2.0\",\"paths\":{}}")))
                .isNotEmpty();
        assertThat(document.get("openapi").asString()).startsWith("3.1.");
    }

    @Test
    void documentHasExactlyTheRoutesOfTheRouter() {
        Set<String> routed = new TreeSet<>();
        for (Endpoint endpoint : auth.postern().endpoints()) {
            if (!endpoint.metadata().serverOnly()) {
                endpoint.methods().forEach(m -> routed.add(m + " " + OpenApiOperation.templatePath(endpoint.path())));
            }
        }
        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().propertyNames()
                .forEach(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(documented).isEqualTo(routed)
                .contains("POST /sign-in/email", "GET /reset-password/{token}", "GET /ok", "GET /reference");
    }

    @Test
    void everyOperationHasASummaryATagAndASuccessSchema() {
        List<String> undocumented = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            if (operation.path("summary").asString("").isBlank()) {
                undocumented.add(where + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                undocumented.add(where + ": no tag");
            }
            JsonNode responses = operation.get("responses");
            boolean success = responses.path("200").path("content").propertyStream()
                    .anyMatch(media -> media.getValue().has("schema")) || responses.has("302");
            if (!success) {
                undocumented.add(where + ": no 200 schema (nor a 302)");
            }
        }));

        assertThat(undocumented).isEmpty();
    }

    @Test
    void pathParametersAndErrorCodesAreDocumented() {
        JsonNode callback = document.at("/paths/~1reset-password~1{token}/get");
        assertThat(callback.get("parameters").findValuesAsString("name")).contains("token", "callbackURL");
        assertThat(callback.has("responses")).isTrue();

        JsonNode signIn = document.at("/paths/~1sign-in~1email/post");
        assertThat(signIn.at("/requestBody/content").propertyNames())
                .containsExactly("application/json", "application/x-www-form-urlencoded");
        assertThat(signIn.at("/responses/401/description").asString()).contains("INVALID_EMAIL_OR_PASSWORD");
        assertThat(signIn.at("/responses/400/description").asString()).contains("VALIDATION_ERROR");
    }

    @Test
    void hiddenRoutesAreDocumentedButMarkedHidden() {
        assertThat(document.at("/paths/~1ok/get/x-hidden").asBoolean()).isTrue();
        assertThat(document.at("/paths/~1sign-in~1email/post").has("x-hidden")).isFalse();
    }

    @Test
    void securitySchemesCoverCookieBearerAndApiKey() {
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/sessionCookie/in").asString()).isEqualTo("cookie");
        assertThat(schemes.at("/sessionCookie/name").asString()).isEqualTo("better-auth.session_token");
        assertThat(schemes.at("/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/apiKey/name").asString()).isEqualTo("x-api-key");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo(auth.authUrl());
    }
}
