package io.fetchbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fetchbox.testing.EmbeddedBroker;
import io.fetchbox.testing.TestServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page in a real headless browser: Debian's chromium driven through
 * /usr/bin/chromedriver (nothing is downloaded; skipped only where that driver is not installed).
 * A batch runs against a slow server; the page shows it, its progress bar moves on without a
 * reload, and it ends with the final counts. Screenshots go to the build folder
 * ({@code status-page-running.png}, {@code status-page.png}, {@code status-page-phone.png}); with
 * {@code -Dscreenshots.docs=true} the running one is also copied to docs/status-page.png.
 */
class StatusPageBrowserTest {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String PASSWORD = "secret-pa55";

    @TempDir
    Path dir;

    @TempDir
    Path profile;

    private ChromeDriverService driverService;
    private WebDriver browser;

    @BeforeEach
    void browser() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toFile());
        }
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=1000,760");
        browser = new ChromeDriver(driverService, options);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
    }

    @Test
    void thePageFollowsABatchWithoutReloadingAndEndsWithItsCounts() throws Exception {
        Workspace ws = new Workspace(dir);
        int port = WebClient.freePort();
        // one download at a time, each answered after 400 ms: ten steps the page can see
        try (TestServer server = TestServer.start();
                ServiceRun service = new ServiceRun(
                        ws.args("--fetchbox.http-port=" + port, "--fetchbox.concurrency=1", "--fetchbox.per-host=1"))) {
            browser.get("http://127.0.0.1:" + port + "/");
            ((JavascriptExecutor) browser).executeScript("window.fetchboxNoReload = 'still here';");

            // a quick batch first, so that the page has a finished one too
            ws.drop(
                    "quick.txt",
                    server.url("/f/q0.bin?size=5000") + "\n" + server.url("/f/q1.bin?size=7000") + "\nnot a url\n");
            WebElement quick = waitFor(() -> card("quick"));
            waitFor(() -> "done".equals(quick.getAttribute("data-state")) ? Boolean.TRUE : null);
            assertThat(count(quick, "downloaded")).isEqualTo("2");
            assertThat(count(quick, "invalid")).isEqualTo("1");

            // then one whose ten downloads take about half a second each
            StringBuilder list = new StringBuilder();
            list.append("http://user:" + PASSWORD + "@127.0.0.1:" + server.port() + "/status/404\n");
            for (int i = 0; i < 9; i++) {
                list.append(server.url("/slow/photo-" + i + ".jpg?size=40000&bps=100000&seed=" + i))
                        .append('\n');
            }
            ws.drop("holiday.txt", list.toString());

            WebElement card = waitFor(() -> card("holiday"));
            WebElement bar = card.findElement(By.cssSelector(".progress"));
            List<Integer> seen = new ArrayList<>();
            int first = waitFor(() -> {
                int now = percent(bar);
                return now > 0 && now < 100 ? now : null;
            });
            seen.add(first);
            int later = waitFor(() -> {
                int now = percent(bar);
                return now > first && now < 100 ? now : null;
            });
            seen.add(later);
            assertThat(card.findElement(By.cssSelector(".eta")).getText()).startsWith("ETA");
            Path running = saveScreenshot("status-page-running.png");
            if (Boolean.getBoolean("screenshots.docs")) {
                Path docs = Path.of(System.getProperty("screenshots.docs.dir", "docs"));
                Files.createDirectories(docs);
                Path copy = Files.copy(running, docs.resolve("status-page.png"), StandardCopyOption.REPLACE_EXISTING);
                copy.toFile().setReadable(true, false);
            }

            waitFor(() -> "done".equals(card.getAttribute("data-state")) ? Boolean.TRUE : null);
            assertThat(percent(bar)).isEqualTo(100);
            assertThat(count(card, "downloaded")).isEqualTo("9");
            assertThat(count(card, "failed")).isEqualTo("1");
            assertThat(count(card, "invalid")).isEqualTo("0");
            assertThat(card.findElement(By.cssSelector(".done-count")).getText())
                    .startsWith("10/10");
            String failures = card.findElement(By.cssSelector(".failures")).getText();
            assertThat(failures).contains("http_404").contains("***@127.0.0.1");
            assertThat(card.findElement(By.cssSelector("a.jsonl")).getAttribute("href"))
                    .endsWith("/reports/holiday.jsonl");
            assertThat(card.findElement(By.cssSelector("a.summary")).getAttribute("href"))
                    .endsWith("/reports/holiday.summary.json");
            assertThat(browser.findElements(By.cssSelector("a[href*='failed.txt']")))
                    .isEmpty();
            // retry in place from the page: the failed line goes back into the inbox as holiday.failed
            WebElement retry = card.findElement(By.cssSelector("button.retry"));
            assertThat(retry.isDisplayed()).isTrue();
            retry.click();
            waitFor(() -> retry.getText().startsWith("retry queued as holiday.failed") ? Boolean.TRUE : null);
            assertThat(browser.getPageSource()).doesNotContain(PASSWORD);
            assertThat(((JavascriptExecutor) browser).executeScript("return window.fetchboxNoReload;"))
                    .as("the page was not reloaded: progress %s", seen)
                    .isEqualTo("still here");
            saveScreenshot("status-page.png");

            // a phone's width: nothing wider than the screen, the bar and counts still there
            browser.manage().window().setSize(new Dimension(390, 844));
            waitFor(() -> card.isDisplayed() ? Boolean.TRUE : null);
            Object overflow = ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            assertThat(bar.getSize().getWidth()).isGreaterThan(200);
            saveScreenshot("status-page-phone.png");
        }
    }

    private WebElement card(String batch) {
        return browser.findElements(By.cssSelector("[data-batch='" + batch + "']")).stream()
                .findFirst()
                .orElse(null);
    }

    private static int percent(WebElement bar) {
        String value = bar.getAttribute("aria-valuenow");
        return value == null || value.isEmpty() ? -1 : Integer.parseInt(value);
    }

    @Test
    void inClusterModeThePageNamesTheNodesAndWhoLeadsAndOnOneNodeNothing() throws Exception {
        Workspace single = new Workspace(dir.resolve("single"));
        int singlePort = WebClient.freePort();
        try (ServiceRun service = new ServiceRun(single.args("--fetchbox.http-port=" + singlePort))) {
            browser.get("http://127.0.0.1:" + singlePort + "/");
            waitFor(() -> browser.findElement(By.id("live")).getText().startsWith("live"));
            assertThat(browser.findElement(By.id("nodes")).isDisplayed()).isFalse();
        }

        Workspace ws = new Workspace(dir.resolve("cluster"));
        int port = WebClient.freePort();
        try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"));
                ServiceRun service = new ServiceRun(ws.args(
                        "--fetchbox.http-port=" + port,
                        "--fetchbox.broker-url=" + broker.url(),
                        "--fetchbox.node-id=node-1"))) {
            browser.get("http://127.0.0.1:" + port + "/");

            WebElement nodes = waitFor(() -> {
                WebElement line = browser.findElement(By.id("nodes"));
                return line.isDisplayed() && line.getText().contains("node-1 (leader") ? line : null;
            });
            assertThat(nodes.getText()).startsWith("Cluster: node-1 (leader, 0 in flight, ");
        }
    }

    private static String count(WebElement card, String outcome) {
        return card.findElement(By.cssSelector("[data-outcome='" + outcome + "'] b"))
                .getText();
    }

    private <T> T waitFor(java.util.function.Supplier<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100))
                .until(driver -> condition.get());
    }

    private Path saveScreenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path folder = Path.of(System.getProperty("screenshots.dir", "target"));
        Files.createDirectories(folder);
        return Files.copy(shot.toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
