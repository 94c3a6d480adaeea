package dev.postern.plugin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The reference page in a real headless Chromium: Swagger UI starts offline and lists the endpoints. */
class ReferencePageBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Test
    @Timeout(120)
    void referencePageListsTheEndpointsInHeadlessChromium() throws IOException {
        assumeChromium();
        Path profile = Files.createTempDirectory("postern-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        WebDriver browser = null;
        try (TestPostern auth = AllPlugins.start()) {
            browser = new ChromeDriver(service, options(profile));
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            browser.get(auth.authUrl() + "/reference");

            new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
            String operations = browser.findElement(By.id("swagger-ui")).getText();

            assertThat(operations).contains("/sign-in/email", "/get-session", "/reset-password/{token}",
                    "/open-api/generate-schema");
        } finally {
            if (browser != null) {
                browser.quit();
            }
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
        return options;
    }

    private static void assumeChromium() {
        if (CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()) {
            return;
        }
        String message = "Chromium and chromedriver are not installed in /usr/bin (apt-get install chromium chromium-driver)";
        if (Boolean.getBoolean(TestDatabase.REQUIRE_SERVICES)) {
            throw new AssertionError(message + "; postern.requireServices=true forbids skipping (see .ci/run).");
        }
        Assumptions.abort(message);
    }

    private static void deleteQuietly(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
