package io.iotjobbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iotjobbridge.RunningBridge;
import io.iotjobbridge.ledger.JobRecord;
import io.iotjobbridge.vendor.Vendor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real headless Chromium against the whole bridge: the page, the status API behind it and a job
 * the sandbox runs. The page is read through the stable hooks it promises users' scripts: row ids {@code job-<id>}
 * and the {@code data-state} and {@code data-progress} attributes.
 */
class DashboardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_JOB_SAMPLE = "samples/requests/aliyun-create-job.json";
    private static final String DOWNLOAD_SAMPLE = "samples/requests/aliyun-download-product-info.json";
    private static final Set<String> FINAL_STATES = Set.of("DELIVERED", "FAILED", "CANCELLED");
    private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
    private static final Path RUNNING_SCREENSHOT = Path.of("target", "dashboard-running.png");
    /** The README's copy, refreshed only on request so an ordinary test run never changes the source tree. */
    private static final Path SITE_SCREENSHOT = Path.of("src", "site", "dashboard.png");

    @TempDir
    Path dataDir;
    @TempDir
    Path browserProfile;

    private RunningBridge bridge;
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void shouldShowAJobProgressWhileItRunsAndDeliveredAtOneHundredPercent() throws Exception {
        // the sandbox's device job runs for 8 s, so the page (refreshed every second) sees it part done
        bridge = RunningBridge.start(dataDir, Map.of("bridge.sandbox.aliyun.job-running-ms", "8000"));
        browser = HeadlessChromium.start(browserProfile);
        browser.get(bridge.httpUrl() + "/");
        String rowId = "job-" + drop(CREATE_JOB_SAMPLE).id();

        RowView running = await().atMost(WAIT).until(() -> row(rowId),
                r -> r != null && !FINAL_STATES.contains(r.state()) && r.hasBar() && r.progress() != null
                        && r.progress() < 100);
        assertThat(running.percentText()).isEqualTo(running.progress() + "%");
        assertThat(running.vendorStatus()).as("the vendor's own status word").isNotBlank();
        HeadlessChromium.screenshot(browser, RUNNING_SCREENSHOT);
        WebElement rowSeenRunning = browser.findElement(By.id(rowId));

        RowView delivered = await().atMost(WAIT).until(() -> row(rowId), r -> "DELIVERED".equals(r.state()));
        assertThat(delivered.progress()).isEqualTo(100);
        assertThat(delivered.percentText()).isEqualTo("100%");
        assertThat(delivered.requestId()).isEqualTo("reboot-light-fleet-2025-03");
        assertThat(rowSeenRunning.getAttribute("data-state")).as("the row is updated in place, not replaced")
                .isEqualTo("DELIVERED");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(browser.findElement(By.id("count-DELIVERED")).getAttribute("data-count")).isEqualTo("1");
            assertThat(browser.findElements(By.cssSelector(".vendor-call[data-vendor='aliyun']"))
                    .stream().map(call -> call.getAttribute("data-action")).toList())
                    .contains("CreateJob", "QueryJobStatistics");
        });
        assertThat(browser.findElement(By.id("last-refreshed")).getText()).startsWith("last refreshed ");
        assertThat(browser.findElement(By.id("error-banner")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, SCREENSHOT);
        if (Boolean.getBoolean("dashboard.updateScreenshot")) {
            Files.createDirectories(SITE_SCREENSHOT.getParent());
            Files.copy(SCREENSHOT, SITE_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void shouldFilterTheJobsByState() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of());
        browser = HeadlessChromium.start(browserProfile);
        String rowId = "job-" + drop(DOWNLOAD_SAMPLE).id();
        browser.get(bridge.httpUrl() + "/");
        await().atMost(WAIT).until(() -> row(rowId), r -> r != null && "DELIVERED".equals(r.state()));

        chooseState("FAILED");
        await().atMost(WAIT).until(() -> row(rowId) == null && browser.findElement(By.id("jobs-empty")).isDisplayed());
        chooseState("DELIVERED");
        await().atMost(WAIT).until(() -> row(rowId), r -> r != null && "DELIVERED".equals(r.state()));
    }

    @Test
    void shouldShowAJobWaitingForAVendorQuotaWithTheTimeItIsCheckedAgain() throws Exception {
        // Alibaba runs one data download per instance: the second waits while the first runs for 6 s
        bridge = RunningBridge.start(dataDir, Map.of("bridge.sandbox.aliyun.running-ms", "6000"));
        browser = HeadlessChromium.start(browserProfile);
        String sample = Files.readString(Path.of(DOWNLOAD_SAMPLE));
        bridge.drop("first.json", sample);
        bridge.drop("second.json", sample.replace("product-info-2022-07-20", "product-info-2022-07-20-second"));
        browser.get(bridge.httpUrl() + "/");

        String wait = await().atMost(WAIT).until(() -> (String) browser.executeScript(
                "const cell = document.querySelector('#job-rows tr[data-state=QUEUED] td.wait');"
                        + " return cell ? cell.textContent : null;"), text -> text != null);
        assertThat(wait).matches("waiting for quota \\S+ until \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void shouldShowWhyAJobFailed() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of("bridge.sandbox.aliyun.failing-tables", "product_info"));
        browser = HeadlessChromium.start(browserProfile);
        String rowId = "job-" + drop(DOWNLOAD_SAMPLE).id();
        browser.get(bridge.httpUrl() + "/");

        await().atMost(WAIT).until(() -> row(rowId), r -> r != null && "FAILED".equals(r.state()));
        String reason = browser.findElement(By.cssSelector("#" + rowId + " td.reason")).getText();
        assertThat(reason).isEqualTo(bridge.job("product-info-2022-07-20").reason()).contains("Status 2");
    }

    @Test
    void shouldShowARequestIdThatLooksLikeMarkupAsText() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of());
        browser = HeadlessChromium.start(browserProfile);
        // the drop folder and the API refuse such an id, so it is written to the ledger directly: the page must not
        // trust that whoever wrote the ledger (another node, an older version, a hand edit) checked it
        String hostile = "<img src=x onerror=\"document.title='injected'\">&amp;<b>bold</b>";
        JobRecord job = bridge.ledger().admit(hostile, Vendor.ALIYUN, "default", "CreateDownloadDataJob", "default",
                JSON.writeValueAsString(JSON.readTree(Path.of(DOWNLOAD_SAMPLE).toFile()).path("params")), null)
                .job();
        browser.get(bridge.httpUrl() + "/");

        RowView shown = await().atMost(WAIT).until(() -> row("job-" + job.id()), r -> r != null);
        assertThat(shown.requestId()).isEqualTo(hostile);
        assertThat(browser.findElements(By.cssSelector("main img, main b"))).as("no element made from the id")
                .isEmpty();
        assertThat(browser.getTitle()).isEqualTo("IoT Job Bridge");
    }

    @Test
    void shouldAskForTheTokenWhenTheBridgeRequiresOneAndThenShowTheJobs() throws Exception {
        String token = "dashboard-test-token-0123456789";
        bridge = RunningBridge.start(dataDir, Map.of("bridge.http.token", token));
        browser = HeadlessChromium.start(browserProfile);
        String rowId = "job-" + drop(DOWNLOAD_SAMPLE).id();
        browser.get(bridge.httpUrl() + "/");

        WebElement form = browser.findElement(By.id("token-form"));
        await().atMost(WAIT).until(form::isDisplayed);
        assertThat(browser.findElements(By.cssSelector("#job-rows tr"))).isEmpty();
        enterToken("not-the-configured-token");
        await().atMost(WAIT).until(() -> form.isDisplayed()
                && browser.findElement(By.id("token-prompt")).getText().contains("refused"));

        enterToken(token);
        RowView shown = await().atMost(WAIT).until(() -> row(rowId), r -> r != null);
        assertThat(shown.requestId()).isEqualTo("product-info-2022-07-20");
        assertThat(form.isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).as("the token is never written into the page").doesNotContain(token);
    }

    @Test
    void shouldShowABannerWhenTheBridgeStopsAnswering() throws Exception {
        bridge = RunningBridge.start(dataDir, Map.of());
        browser = HeadlessChromium.start(browserProfile);
        browser.get(bridge.httpUrl() + "/");
        WebElement banner = browser.findElement(By.id("error-banner"));
        await().atMost(WAIT).until(() -> browser.findElement(By.id("last-refreshed")).getText()
                .startsWith("last refreshed"));
        assertThat(banner.isDisplayed()).isFalse();

        bridge.close();
        bridge = null;

        await().atMost(WAIT).until(banner::isDisplayed);
        assertThat(banner.getText()).contains("The bridge does not answer");
    }

    private JobRecord drop(String sample) throws Exception {
        String requestId = JSON.readTree(Path.of(sample).toFile()).path("id").asText();
        bridge.drop(Path.of(sample).getFileName().toString(), Files.readString(Path.of(sample)));
        return await().atMost(WAIT).until(() -> bridge.ledger().findByRequestId(requestId).orElse(null),
                job -> job != null);
    }

    private void chooseState(String state) {
        new Select(browser.findElement(By.id("state-filter"))).selectByValue(state);
    }

    private void enterToken(String token) {
        WebElement input = browser.findElement(By.id("token-input"));
        input.clear();
        input.sendKeys(token);
        browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
    }

    /** What one job row shows, read in one script so the row cannot change half way through the reading. */
    private RowView row(String rowId) {
        @SuppressWarnings("unchecked")
        Map<String, Object> view = (Map<String, Object>) browser.executeScript("""
                const row = document.getElementById(arguments[0]);
                if (!row) { return null; }
                const text = (selector) => { const cell = row.querySelector(selector); return cell ? cell.textContent : null; };
                return {state: row.dataset.state, progress: row.dataset.progress, bar: row.querySelector('.bar') !== null,
                        percent: text('.percent'), requestId: text('.request-id'), vendorStatus: text('.vendor-status')};
                """, rowId);
        if (view == null) {
            return null;
        }
        String progress = (String) view.get("progress");
        return new RowView((String) view.get("state"), progress.isEmpty() ? null : Integer.valueOf(progress),
                Boolean.TRUE.equals(view.get("bar")), (String) view.get("percent"), (String) view.get("requestId"),
                (String) view.get("vendorStatus"));
    }

    private record RowView(String state, Integer progress, boolean hasBar, String percentText, String requestId,
                           String vendorStatus) {
    }
}
