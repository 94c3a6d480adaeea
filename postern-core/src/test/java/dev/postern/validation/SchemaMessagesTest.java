package dev.postern.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.error.ApiException;
import dev.postern.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Messages must read exactly as better-call + zod 4 print them (better-auth-wire.md §2, probed). */
class SchemaMessagesTest {
    private static final ObjectSchema SIGN_UP = Schemas.object()
            .required("name", Schemas.string())
            .required("email", Schemas.email())
            .required("password", Schemas.string())
            .optional("rememberMe", Schemas.bool());

    private static String messageFor(ObjectSchema schema, String json) {
        try {
            schema.validate(json == null ? null : Json.parse(json), "body");
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(e.status().code()).isEqualTo(400);
            assertThat(e.reason()).isEqualTo("400");
            return e.getMessage();
        }
        throw new AssertionError("expected a validation error for " + json);
    }

    @Test
    void invalidEmailReadsAsZodDoes() {
        assertThat(messageFor(SIGN_UP, "{\"name\":\"a\",\"email\":\"nope\",\"password\":\"x\"}"))
                .isEqualTo("[body.email] Invalid email address");
    }

    @Test
    void missingFieldsAreListedInDeclarationOrderJoinedBySemicolons() {
        assertThat(messageFor(SIGN_UP, "{\"password\":\"x\"}"))
                .isEqualTo("[body.name] Invalid input: expected string, received undefined; "
                        + "[body.email] Invalid input: expected string, received undefined");
    }

    @Test
    void aBodyThatIsNotAnObjectIsReportedAtTheRoot() {
        assertThat(messageFor(SIGN_UP, "\"text\"")).isEqualTo("[body] Invalid input: expected object, received string");
        assertThat(messageFor(SIGN_UP, null)).isEqualTo("[body] Invalid input: expected object, received undefined");
    }

    @Test
    void wrongTypesNameWhatWasReceived() {
        assertThat(messageFor(SIGN_UP, "{\"name\":1,\"email\":\"a@b.co\",\"password\":null,\"rememberMe\":\"yes\"}"))
                .isEqualTo("[body.name] Invalid input: expected string, received number; "
                        + "[body.password] Invalid input: expected string, received null; "
                        + "[body.rememberMe] Invalid input: expected boolean, received string");
    }

    @Test
    void lengthAndOptionMessages() {
        ObjectSchema schema = Schemas.object()
                .required("code", Schemas.string().min(6).max(6))
                .required("method", Schemas.oneOf("totp", "otp"))
                .required("scopes", Schemas.array(Schemas.string()));

        assertThat(messageFor(schema, "{\"code\":\"123\",\"method\":\"sms\",\"scopes\":[\"a\",2]}"))
                .isEqualTo("[body.code] Too small: expected string to have >=6 characters; "
                        + "[body.method] Invalid option: expected one of \"totp\"|\"otp\"; "
                        + "[body.scopes.1] Invalid input: expected string, received number");
    }

    @Test
    void unknownFieldsAreDroppedAndValidOnesKept() {
        ObjectNode body = SIGN_UP.validate(Json.parse(
                "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"password\":\"pw\",\"isAdmin\":true}"), "body");

        assertThat(body.has("isAdmin")).isFalse();
        assertThat(body.get("name").asString()).isEqualTo("Ada");
        assertThat(body.has("rememberMe")).isFalse();
    }

    @Test
    void nullableAcceptsNullButStillChecksValues() {
        ObjectSchema schema = Schemas.object().optional("image", Schemas.string().orNull());

        assertThat(schema.validate(Json.parse("{\"image\":null}"), "body").get("image").isNull()).isTrue();
        assertThat(messageFor(schema, "{\"image\":3}")).isEqualTo("[body.image] Invalid input: expected string, received number");
    }

    @Test
    void coercedScalarsAcceptQueryStrings() {
        ObjectSchema query = Schemas.object()
                .optional("disableCookieCache", Schemas.bool().coerced())
                .optional("limit", Schemas.integer().coerced().min(1));

        ObjectNode parsed = query.validate(Json.parse("{\"disableCookieCache\":\"true\",\"limit\":\"10\"}"), "query");

        assertThat(parsed.get("disableCookieCache").asBoolean()).isTrue();
        assertThat(parsed.get("limit").asLong()).isEqualTo(10);
        assertThatThrownBy(() -> query.validate(Json.parse("{\"limit\":\"0\"}"), "query"))
                .hasMessage("[query.limit] Too small: expected number to be >=1");
    }

    @Test
    void emailPatternFollowsZod() {
        ObjectSchema schema = Schemas.object().required("email", Schemas.email());
        for (String ok : new String[] {"a@b.co", "first.last+tag@sub.example.org", "o'neil@example.com"}) {
            schema.validate(Json.parse("{\"email\":\"" + ok + "\"}"), "body");
        }
        for (String bad : new String[] {"a@b", ".a@b.co", "a..b@c.co", "a@-b.co", "a b@c.co", ""}) {
            assertThat(messageFor(schema, "{\"email\":\"" + bad + "\"}")).isEqualTo("[body.email] Invalid email address");
        }
    }
}
