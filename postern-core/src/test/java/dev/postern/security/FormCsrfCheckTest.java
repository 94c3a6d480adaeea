package dev.postern.security;

import static dev.postern.security.SecurityProbePlugin.APP;
import static dev.postern.security.SecurityProbePlugin.BASE;
import static dev.postern.security.SecurityProbePlugin.EVIL;
import static dev.postern.security.SecurityProbePlugin.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import dev.postern.http.AuthResponse;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * better-auth's form CSRF check with Fetch Metadata (wire reference §9.2 {@code formCsrfMiddleware}) on an
 * endpoint flagged {@code formCsrf()}: a first sign-in carries no cookie, yet must not be forgeable.
 */
class FormCsrfCheckTest {
    private static final String SIGN_IN = "/probe/sign-in";
    private static final String BODY = "{\"email\":\"ada@example.com\"}";

    private final Postern postern = SecurityProbePlugin.start(UnaryOperator.identity());

    private static void assertRefused(AuthResponse response, String code) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).contains("\"code\":\"" + code + "\"");
    }

    @Test
    void aCrossSiteNavigationIsBlocked() {
        AuthResponse response = postern.handle(post(SIGN_IN, BODY,
                "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document", "Origin", EVIL));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Cross-site navigation login blocked. This request appears"
                + " to be a CSRF attack.\",\"code\":\"CROSS_SITE_NAVIGATION_LOGIN_BLOCKED\"}");
    }

    @Test
    void aCrossSiteNavigationIsBlockedEvenFromATrustedOriginWithoutACookie() {
        assertRefused(postern.handle(post(SIGN_IN, BODY, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                "Origin", APP)), "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
    }

    @Test
    void otherFetchMetadataRequiresATrustedOrigin() {
        assertRefused(postern.handle(post(SIGN_IN, BODY, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors",
                "Origin", EVIL)), "INVALID_ORIGIN");
        assertRefused(postern.handle(post(SIGN_IN, BODY, "Sec-Fetch-Site", "same-origin")), "MISSING_OR_NULL_ORIGIN");
        assertThat(postern.handle(post(SIGN_IN, BODY, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "cors",
                "Origin", APP)).status()).isEqualTo(200);
        assertThat(postern.handle(post(SIGN_IN, BODY, "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "navigate",
                "Origin", BASE)).status()).isEqualTo(200);
    }

    @Test
    void withoutFetchMetadataAnOriginOrRefererMustBeTrusted() {
        assertRefused(postern.handle(post(SIGN_IN, BODY, "Origin", EVIL)), "INVALID_ORIGIN");
        assertRefused(postern.handle(post(SIGN_IN, BODY, "Referer", EVIL + "/login")), "INVALID_ORIGIN");
        assertThat(postern.handle(post(SIGN_IN, BODY, "Origin", APP)).status()).isEqualTo(200);
    }

    @Test
    void aRequestWithNeitherMetadataNorOriginPasses() {
        assertThat(postern.handle(post(SIGN_IN, BODY)).status()).isEqualTo(200);
    }

    @Test
    void aRequestWithCookiesIsJudgedByItsOrigin() {
        assertRefused(postern.handle(post(SIGN_IN, BODY, "Cookie", "a=b")), "MISSING_OR_NULL_ORIGIN");
        assertRefused(postern.handle(post(SIGN_IN, BODY, "Cookie", "a=b", "Origin", EVIL)), "INVALID_ORIGIN");
    }

    @Test
    void endpointsNotFlaggedAsFormsSkipTheFetchMetadataCheck() {
        assertThat(postern.handle(post("/probe/change", "{}", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                "Origin", EVIL)).status()).isEqualTo(200);
    }

    @Test
    void disablingTheCsrfCheckLetsCrossSiteFormsThrough() {
        Postern relaxed = SecurityProbePlugin.start(SecuritySettings::withCsrfCheckDisabled);

        assertThat(relaxed.handle(post(SIGN_IN, BODY, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate",
                "Origin", EVIL)).status()).isEqualTo(200);
    }

    @Test
    void disablingTheOriginCheckForTheFormKeepsTheNavigationBlock() {
        Postern relaxed = SecurityProbePlugin.start(s -> s.withOriginCheckDisabledFor(List.of(SIGN_IN)));

        assertThat(relaxed.handle(post(SIGN_IN, BODY, "Origin", EVIL)).status()).isEqualTo(200);
        assertRefused(relaxed.handle(post(SIGN_IN, BODY, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate")),
                "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
    }
}
