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
        try (TestPostern auth = AllPlugins.start(); HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.browser();
            browser.get(auth.authUrl() + "/reference");

            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
            String operations = browser.findElement(By.id("swagger-ui")).getText();

            assertThat(operations).contains("/sign-in/email", "/get-session", "/reset-password/{token}",
                    "/open-api/generate-schema");
        }
    }
}
