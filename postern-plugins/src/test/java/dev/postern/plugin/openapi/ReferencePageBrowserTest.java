package dev.postern.plugin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.support.HeadlessChromium;
import dev.postern.testkit.TestPostern;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
    void referencePageListsEveryPluginAndOpensItsEndpointsInHeadlessChromium() throws IOException {
        try (TestPostern auth = AllPlugins.start(); HeadlessChromium chromium = HeadlessChromium.start()) {
            WebDriver browser = chromium.browser();
            browser.get(auth.authUrl() + "/reference");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            // Sections start closed (docExpansion "none"): with every plugin on, Swagger UI renders over a hundred
            // open operations only partly, and one list of sections is easier to read anyway.
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("swagger-ui"), "Organization"));
            List<String> sections = browser.findElements(By.cssSelector(".opblock-tag")).stream()
                    .map(tag -> tag.getText().split("\n")[0]).toList();
            for (String section : List.of("Email and password", "Social", "Organization")) {
                browser.findElement(By.cssSelector(".opblock-tag[data-tag='" + section + "']")).click();
            }
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("swagger-ui"), "/organization/create"));
            String page = browser.findElement(By.id("swagger-ui")).getText();

            assertThat(sections).contains("Session", "Email and password", "Two factor", "Passkey", "Admin", "Social",
                    "Organization");
            assertThat(page).contains("/sign-in/email", "/reset-password/{token}", "/sign-in/social",
                    "/account-info", "/organization/create", "/open-api/generate-schema");
        }
    }
}
