package dev.postern.security;

import static dev.postern.security.SecurityProbePlugin.APP;
import static dev.postern.security.SecurityProbePlugin.BASE;
import static dev.postern.security.SecurityProbePlugin.EVIL;
import static dev.postern.security.SecurityProbePlugin.post;
import static dev.postern.security.SecurityProbePlugin.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import dev.postern.PosternApi.ApiCall;
import dev.postern.http.AuthResponse;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** better-auth's global origin check (wire reference §9.2), through {@code Postern.handle}. */
class OriginCheckTest {
    private static final String COOKIE = "better-auth.session_token=abc.def";

    private final Postern postern = SecurityProbePlugin.start(UnaryOperator.identity());

    private static void assertRefused(AuthResponse response, int status, String code, String message) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"" + message + "\",\"code\":\"" + code + "\"}");
    }

    private static void assertPassed(AuthResponse response) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    }

    @Test
    void aCookieWithoutOriginOrRefererIsMissingOrNullOrigin() {
        assertRefused(postern.handle(post("/probe/change", "{}", "Cookie", COOKIE)),
                403, "MISSING_OR_NULL_ORIGIN", "Missing or null Origin");
    }

    @Test
    void aCookieFromAnUntrustedOriginIsInvalidOrigin() {
        AuthResponse response = postern.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Origin", EVIL));

        assertRefused(response, 403, "INVALID_ORIGIN", "Invalid origin");
        assertThat(response.reason()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aCookieFromTheOwnOrAConfiguredOriginPasses() {
        assertPassed(postern.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Origin", BASE)));
        assertPassed(postern.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Origin", APP)));
    }

    @Test
    void originNullIsMissingOrNullOriginEvenWithATrustedReferer() {
        assertRefused(postern.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Origin", "null", "Referer", APP + "/")),
                403, "MISSING_OR_NULL_ORIGIN", "Missing or null Origin");
    }

    @Test
    void originNullWithSecFetchSiteSameOriginIsThisSite() {
        assertPassed(postern.handle(post("/probe/change", "{}",
                "Cookie", COOKIE, "Origin", "null", "Sec-Fetch-Site", "same-origin")));
        assertRefused(postern.handle(post("/probe/change", "{}",
                        "Cookie", COOKIE, "Origin", "null", "Sec-Fetch-Site", "cross-site")),
                403, "MISSING_OR_NULL_ORIGIN", "Missing or null Origin");
    }

    @Test
    void theRefererStandsInForAMissingOrigin() {
        assertPassed(postern.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Referer", APP + "/settings?tab=2")));
        assertRefused(postern.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Referer", EVIL + "/page")),
                403, "INVALID_ORIGIN", "Invalid origin");
    }

    @Test
    void aRequestWithoutCookiesPassesWhateverItsOrigin() {
        assertPassed(postern.handle(post("/probe/change", "{}", "Origin", EVIL, "Authorization", "Bearer abc")));
        assertPassed(postern.handle(post("/probe/change", "{}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD"})
    void safeMethodsAreNeverOriginChecked(String method) {
        assertThat(postern.handle(request(method, "/probe/read", "Cookie", COOKIE, "Origin", EVIL)).status()).isEqualTo(200);
        assertThat(postern.handle(request(method, "/probe/read?callbackURL=https://evil.example", "Cookie", COOKIE)).status())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "callbackURL, INVALID_CALLBACK_URL, Invalid callbackURL",
            "redirectTo, INVALID_REDIRECT_URL, Invalid redirectURL",
            "errorCallbackURL, INVALID_ERROR_CALLBACK_URL, Invalid errorCallbackURL",
            "newUserCallbackURL, INVALID_NEW_USER_CALLBACK_URL, Invalid newUserCallbackURL"})
    void anUntrustedRedirectFieldIsRefusedWithItsOwnCode(String field, String code, String message) {
        assertRefused(postern.handle(post("/probe/change", "{\"" + field + "\":\"https://evil.example/x\"}")),
                403, code, message);
        assertPassed(postern.handle(post("/probe/change", "{\"" + field + "\":\"https://app.example.com/x\"}")));
        assertPassed(postern.handle(post("/probe/change", "{\"" + field + "\":\"/dashboard\"}")));
    }

    @Test
    void theCallbackUrlOfTheQueryIsCheckedWhenTheBodyHasNone() {
        assertRefused(postern.handle(post("/probe/change?callbackURL=//evil.example", "{}")),
                403, "INVALID_CALLBACK_URL", "Invalid callbackURL");
        assertRefused(postern.handle(post("/probe/change?callbackURL=//evil.example", "{\"callbackURL\":\"\"}")),
                403, "INVALID_CALLBACK_URL", "Invalid callbackURL");
        assertPassed(postern.handle(post("/probe/change?callbackURL=//evil.example", "{\"callbackURL\":\"/home\"}")));
    }

    @Test
    void aFormBodyIsCheckedLikeJson() {
        AuthResponse response = postern.handle(dev.postern.http.AuthRequest.builder("POST", "/api/auth/probe/change")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("callbackURL=https%3A%2F%2Fevil.example").build());

        assertRefused(response, 403, "INVALID_CALLBACK_URL", "Invalid callbackURL");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "callbackURL|123|callbackURL",
            "callbackURL|true|callbackURL",
            "callbackURL|{\"url\":\"/x\"}|callbackURL",
            "callbackURL|[]|callbackURL",
            "redirectTo|[\"/x\"]|redirectURL",
            "errorCallbackURL|1.5|errorCallbackURL",
            "newUserCallbackURL|{}|newUserCallbackURL"})
    void aRedirectFieldThatIsNotAStringIsABadRequest(String field, String json, String label) {
        AuthResponse response = postern.handle(post("/probe/change", "{\"" + field + "\":" + json + "}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("BAD_REQUEST");
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Invalid " + label + ": expected a string\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "false", "0", "\"\""})
    void anEmptyRedirectFieldIsNotChecked(String json) {
        assertPassed(postern.handle(post("/probe/change", "{\"callbackURL\":" + json + ",\"redirectTo\":" + json + "}")));
    }

    @Test
    void aGetEndpointChecksItsQueryCallbackItself() {
        AuthResponse refused = postern.handle(request("GET", "/probe/verify?callbackURL=https://evil.example/"));

        assertRefused(refused, 403, "INVALID_CALLBACK_URL", "Invalid callbackURL");
        assertPassed(postern.handle(request("GET", "/probe/verify?callbackURL=/welcome")));
    }

    @Test
    void callsFromJavaAreNeverChecked() {
        Map<String, Object> body = Map.of("callbackURL", "https://evil.example/", "redirectTo", "//evil.example");

        assertThat(postern.api().call("probeChange", ApiCall.body(body)).json().get("ok").asBoolean()).isTrue();
        assertThat(postern.api().call("probeVerify", ApiCall.empty().withQuery(Map.of("callbackURL", "https://evil.example/")))
                .json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void disablingTheOriginCheckForAPathSkipsItThereAndBelowOnly() {
        Postern relaxed = SecurityProbePlugin.start(s -> s.withOriginCheckDisabledFor(List.of("/probe/other/")));

        assertPassed(relaxed.handle(post("/probe/other/change", "{\"callbackURL\":\"https://evil.example\"}",
                "Cookie", COOKIE, "Origin", EVIL)));
        assertRefused(relaxed.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Origin", EVIL)),
                403, "INVALID_ORIGIN", "Invalid origin");
        assertRefused(relaxed.handle(request("GET", "/probe/verify?callbackURL=https://evil.example/")),
                403, "INVALID_CALLBACK_URL", "Invalid callbackURL");
    }

    @Test
    void disablingTheOriginCheckForAPathAlsoSkipsTheEndpointsOwnRedirectCheck() {
        Postern relaxed = SecurityProbePlugin.start(s -> s.withOriginCheckDisabledFor(List.of("/probe/verify")));

        assertPassed(relaxed.handle(request("GET", "/probe/verify?callbackURL=https://evil.example/")));
    }

    @Test
    void disablingTheOriginCheckEverywhereSkipsOriginAndRedirectChecks() {
        Postern relaxed = SecurityProbePlugin.start(SecuritySettings::withOriginCheckDisabled);

        assertPassed(relaxed.handle(post("/probe/change", "{\"redirectTo\":\"https://evil.example\"}",
                "Cookie", COOKIE, "Origin", EVIL)));
        assertPassed(relaxed.handle(request("GET", "/probe/verify?callbackURL=https://evil.example/")));
    }

    @Test
    void disablingTheCsrfCheckSkipsTheOriginButKeepsRedirectChecks() {
        Postern relaxed = SecurityProbePlugin.start(SecuritySettings::withCsrfCheckDisabled);

        assertPassed(relaxed.handle(post("/probe/change", "{}", "Cookie", COOKIE, "Origin", EVIL)));
        assertRefused(relaxed.handle(post("/probe/change", "{\"callbackURL\":\"https://evil.example\"}", "Cookie", COOKIE)),
                403, "INVALID_CALLBACK_URL", "Invalid callbackURL");
    }

    @Test
    void theOriginIsCheckedBeforeTheRedirectFields() {
        AuthResponse response = postern.handle(post("/probe/change", "{\"callbackURL\":\"https://evil.example\"}",
                "Cookie", COOKIE, "Origin", EVIL));

        assertRefused(response, 403, "INVALID_ORIGIN", "Invalid origin");
    }
}
