package dev.postern.plugin.support;

import dev.postern.testkit.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Selenium through the system chromedriver, with a throw-away profile:
 * {@code try (HeadlessChromium chromium = HeadlessChromium.start()) { chromium.browser().get(url); }}.
 * Skipped where Chromium is not installed, unless {@code postern.requireServices} (CI) makes that a failure.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver browser;

    private HeadlessChromium(Path profile, ChromeDriverService service, ChromeDriver browser) {
        this.profile = profile;
        this.service = service;
        this.browser = browser;
    }

    public static HeadlessChromium start() throws IOException {
        assumeInstalled();
        Path profile = Files.createTempDirectory("postern-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        try {
            ChromeDriver browser = new ChromeDriver(service, options(profile));
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(profile, service, browser);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    public ChromeDriver browser() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
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

    private static void assumeInstalled() {
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
