package dev.postern.plugin.session;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.plugin.Plugin;
import dev.postern.schema.CoreSchema;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only sign-in: {@code POST /test/sign-in {email, rememberMe?}} finds or creates the user and
 * starts a session through {@code sessions().create}, so session tests need no password flow.
 */
final class TestSignIn implements Plugin {

    @Override
    public String id() {
        return "test-sign-in";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/test/sign-in")
                .name("testSignIn")
                .body(Schemas.object()
                        .required("email", Schemas.string())
                        .optional("rememberMe", Schemas.bool())
                        .optional("bio", Schemas.string()))
                .handler(TestSignIn::signIn)
                .build());
    }

    private static Object signIn(EndpointContext ctx) {
        String email = ctx.bodyString("email").orElseThrow();
        Row user = ctx.postern().store().findOne(CoreSchema.USER, Where.eq("email", email))
                .orElseGet(() -> createUser(ctx, email, ctx.bodyString("bio").orElse(null)));
        Session session = ctx.postern().sessions().create(ctx, user, ctx.bodyBoolean("rememberMe", true));
        return Map.of("token", session.token());
    }

    private static Row createUser(EndpointContext ctx, String email, String bio) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", email.substring(0, email.indexOf('@')));
        data.put("email", email);
        if (bio != null) {
            data.put("bio", bio);
        }
        return ctx.postern().store().create(CoreSchema.USER, data);
    }

    /** Signs {@code email} in on {@code client}; returns the session token. */
    static String signIn(TestClient client, String email) {
        return signIn(client, email, true);
    }

    static String signIn(TestClient client, String email, boolean rememberMe) {
        TestResponse response = client.postJson("/test/sign-in", Map.of("email", email, "rememberMe", rememberMe))
                .assertStatus(200);
        return response.json().get("token").asString();
    }

    /** A started instance with the session plugin and this sign-in. */
    static TestPostern start(dev.postern.testkit.TestDatabase database) {
        return TestPostern.start(database, new SessionPlugin(), new TestSignIn());
    }

    /** Number of session rows of the database, expired or not. */
    static long sessionRows(TestPostern auth) {
        return auth.postern().store().count(CoreSchema.SESSION, Where.all());
    }

    /** The stored session row with this token. */
    static Row sessionRow(TestPostern auth, String token) {
        return auth.postern().store().findOne(CoreSchema.SESSION, Where.eq("token", token)).orElseThrow();
    }
}
