package io.jenkins.plugins.gitopssync.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plugin's pages in a real browser (Debian's headless Chromium, driven through its chromedriver),
 * against the live Jenkins that {@code test-jenkins/jenkins up} started with this build's .hpi, one agent
 * and the example jobs (syncing examples/shop and a chart into a namespace of that Jenkins' own): the
 * example Pipeline job is built from the browser, then each page is opened, its elements asserted, the
 * browser console checked for severe errors, and a screenshot of the plugin's part of the page (scrolled to
 * what was asserted) saved under {@code target/screenshots/}. Runs after {@code package} (failsafe);
 * skipped with -DskipITs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserCheckIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration BUILD_LIMIT = Duration.ofMinutes(4);
    static final int BIG = 10_000;

    static String jenkins;
    static String repoUrl;
    /** The example jobs' namespace: that Jenkins' own, holding their ApplySets and objects. */
    static String example;
    static WebDriver browser;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void openBrowser() throws IOException {
        String dir = System.getenv("GITOPS_TEST_JENKINS_DIR");
        boolean required = "true".equals(System.getenv("GITOPS_TEST_REQUIRE_BROWSER"));
        Path port = dir == null ? null : Path.of(dir, "port");
        if (port == null || !Files.exists(port) || !new File("/usr/bin/chromium").canExecute()) {
            String why = "no live Jenkins (GITOPS_TEST_JENKINS_DIR) or no /usr/bin/chromium";
            if (required) {
                fail(why + " but GITOPS_TEST_REQUIRE_BROWSER=true");
            }
            Assumptions.assumeTrue(false, why + ": skipping the browser check");
        }
        jenkins = "http://127.0.0.1:" + Files.readString(port).trim() + "/";
        repoUrl = Files.readString(Path.of(dir, "repo-url")).trim();
        example = Files.readString(Path.of(dir, "example-namespace")).trim();
        Files.createDirectories(SCREENSHOTS);

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // no network beyond loopback here: everything Chromium would fetch on its own is switched off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory("gitops-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theLiveJenkinsRunsThePluginAndItsAgent() throws Exception {
        JsonNode plugins = api("pluginManager/api/json?depth=1").path("plugins");
        boolean active = false;
        for (JsonNode p : plugins) {
            active |= p.path("shortName").asText().equals("gitops-sync") && p.path("active").asBoolean();
        }
        assertThat(active).as("gitops-sync is installed and active: " + plugins.size() + " plugins").isTrue();
        assertThat(api("computer/agent-1/api/json").path("offline").asBoolean()).as("the agent is online").isFalse();
    }

    @Test
    @Order(2)
    void pipelineJobBuiltFromTheBrowserSyncsAndShowsItsSummary() throws Exception {
        open("job/shop-pipeline/");
        int before = api("job/shop-pipeline/api/json").path("nextBuildNumber").asInt();
        browser.findElement(By.xpath("//a[contains(@href, 'build') and contains(., 'Build Now')]")).click();
        JsonNode build = awaitBuild("shop-pipeline", before);
        assertThat(build.path("result").asText()).as("the example Pipeline build: " + log("shop-pipeline", before)).isEqualTo("SUCCESS");

        open("job/shop-pipeline/" + before + "/");
        WebElement summary = browser.findElement(By.cssSelector(".gitops-sync-summary"));
        assertThat(summary.getText()).as(summary.getText()).contains("GitOps sync of shop");
        assertThat(summary.getText()).as(summary.getText()).matches("(?s).*\\b(synced|drift)\\b.*");
        assertThat(browser.findElement(By.cssSelector(".gitops-revision")).getText()).matches("[0-9a-f]{7}");
        check("build-page", summary);
    }

    @Test
    @Order(3)
    void syncDetailPageListsEveryObjectWithItsSource() throws Exception {
        int last = api("job/shop-pipeline/api/json").path("lastSuccessfulBuild").path("number").asInt();
        open("job/shop-pipeline/" + last + "/gitops-1/");
        assertThat(browser.findElement(By.cssSelector("h1")).getText().trim()).isEqualTo("GitOps sync: shop");
        List<WebElement> rows = browser.findElements(By.cssSelector("#gitops-objects tbody tr"));
        assertThat(rows)
                .as("examples/shop has a Namespace, four Deployments and Services, a ConfigMap, a Secret: " + rows.size()).hasSizeGreaterThanOrEqualTo(10);
        WebElement objects = browser.findElement(By.id("gitops-objects"));
        String table = objects.getText();
        assertThat(table).as(table).contains("Deployment", "examples/shop/kustomization.yaml:");
        // the Kustomization of the jobs' repository moved everything, the Namespace too, into this Jenkins' own
        assertEveryObjectInTheJenkinsNamespace();
        assertThat(browser.getPageSource()).as("the Secret's value is never shown").doesNotContain("not-a-real-key-0000");
        check("sync-detail", objects);
    }

    @Test
    @Order(3)
    void chartJobShowsTheChartItsVersionAndValuesFiles() throws Exception {
        int number = api("job/storefront-helm/api/json").path("nextBuildNumber").asInt();
        post("job/storefront-helm/build");
        JsonNode build = awaitBuild("storefront-helm", number);
        assertThat(build.path("result").asText()).as("the chart's Pipeline build: " + log("storefront-helm", number)).isEqualTo("SUCCESS");

        open("job/storefront-helm/" + number + "/");
        WebElement chart = browser.findElement(By.cssSelector(".gitops-sync-summary .gitops-chart"));
        assertThat(chart.getText().replaceAll("\\s+", " ").trim())
                .isEqualTo("Chart storefront version 0.3.0, values files examples/helm/environments/staging.yaml");
        check("chart-build-page", chart);
        open("job/storefront-helm/" + number + "/gitops-1/");
        WebElement chartLine = browser.findElement(By.id("gitops-chart"));
        assertThat(chartLine.getText()).contains("release helm-example");
        String table = browser.findElement(By.id("gitops-objects")).getText();
        assertThat(table).as(table).contains("examples/helm/storefront/templates/deployment.yaml:1");
        assertEveryObjectInTheJenkinsNamespace();
        check("chart-sync-detail", chartLine);
    }

    @Test
    @Order(4)
    void jobPageShowsTheStateAndTheBadge() throws Exception {
        open("job/shop-pipeline/");
        WebElement state = browser.findElement(By.id("gitops-job-state"));
        assertThat(state.getText()).as(state.getText()).contains("Latest sync");
        WebElement badge = state.findElement(By.cssSelector("img[alt='GitOps status']"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> loaded(badge));
        assertThat(browser.findElement(By.id("gitops-badge-url")).getText()).endsWith("job/shop-pipeline/gitops/badge");
        check("job-page", state);
    }

    @Test
    @Order(5)
    void freestyleConfigPageShowsTheGitOpsStep() throws Exception {
        open("job/shop-freestyle/configure");
        // the step's repository URL field (the page has other, hidden "url" fields, such as the SCM section's)
        WebElement url = awaitElement(By.name("_.url"), e -> repoUrl.equals(e.getAttribute("value")));
        String page = browser.findElement(By.tagName("body")).getText();
        for (String label : List.of("GitOps sync (pull, diff, apply, prune)", "Repository URL", "Kubeconfig credentials", "Prune",
                "Dry run", "Wait for health")) {
            assertThat(page).as("label " + label).contains(label);
        }
        check("freestyle-config", url);
        // and the freestyle job syncs the same ApplySet (nothing left to change)
        int before = api("job/shop-freestyle/api/json").path("nextBuildNumber").asInt();
        post("job/shop-freestyle/build");
        assertThat(awaitBuild("shop-freestyle", before).path("result").asText()).as(log("shop-freestyle", before)).isEqualTo("SUCCESS");
    }

    @Test
    @Order(6)
    void snippetGeneratorRendersTheStepAndWritesItsCall() throws Exception {
        open("job/shop-pipeline/pipeline-syntax/");
        WebElement dropdown = awaitElement(By.cssSelector("select.dropdownList"), e -> true);
        Select select = new Select(dropdown);
        WebElement option = select.getOptions().stream().filter(o -> o.getText().startsWith("gitopsSync")).findFirst()
                .orElseThrow(() -> new AssertionError("gitopsSync is offered"));
        select.selectByVisibleText(option.getText());
        WebElement url = awaitElement(By.name("_.url"), WebElement::isDisplayed);
        url.sendKeys("https://git.example.com/org/manifests.git");
        assertThat(browser.findElement(By.tagName("body")).getText().contains("CA certificate")
                || browser.getPageSource().contains("CA certificate")).as("the advanced fields are there").isTrue();
        WebElement generate = browser.findElement(By.xpath("//button[contains(., 'Generate Pipeline Script')]"));
        scrollTo(generate);
        generate.click();
        WebElement out = browser.findElement(By.id("prototypeText"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> out.getAttribute("value").contains("gitopsSync"));
        // only the URL was given: the generator writes the short form of a call with one argument
        assertThat(out.getAttribute("value").trim()).isEqualTo("gitopsSync 'https://git.example.com/org/manifests.git'");
        check("snippet-generator", dropdown);
    }

    @Test
    @Order(7)
    void triggerConfigurationIsShown() throws Exception {
        open("job/shop-pipeline/configure");
        WebElement spec = awaitElement(By.name("_.spec"), e -> "H/5 * * * *".equals(e.getAttribute("value")));
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).as("the trigger's section").contains("GitOps: build on a new revision or on drift");
        assertThat(page).as("its drift option").contains("Also build when the cluster drifted");
        check("trigger-config", spec);
    }

    @Test
    @Order(8)
    void globalSettingsAreShownAndSaved() throws Exception {
        open("manage/configure");
        WebElement threads = awaitElement(By.name("_.triggerThreads"), e -> true);
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).as("the section").contains("GitOps Sync");
        assertThat(page).as("the controller setting").contains("Let the trigger's cluster check use a job's kubeconfig exec plugins");
        assertThat(browser.findElement(By.name("_.allowKubeconfigCommandsOnController")).isSelected()).as("off by default").isFalse();
        String before = threads.getAttribute("value");
        threads.clear();
        threads.sendKeys("5");
        check("global-config", threads);
        browser.findElement(By.name("Submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().endsWith("/configure"));

        open("manage/configure");
        WebElement saved = awaitElement(By.name("_.triggerThreads"), e -> true);
        assertThat(saved.getAttribute("value")).as("saved through the page").isEqualTo("5");
        saved.clear();
        saved.sendKeys(before);
        browser.findElement(By.name("Submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().endsWith("/configure"));
    }

    /** A sync of 10,000 ConfigMaps from a Git repository made here, in a job made here. */
    @Test
    @Order(8)
    void tenThousandObjectSyncKeepsASmallBuildRecordAndItsDetailPageShowsTheFirstPage() throws Exception {
        Path dir = Path.of(System.getenv("GITOPS_TEST_JENKINS_DIR"));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(dir.resolve("big-repo"))) {
            String ns = cluster.createNamespace(TestCluster.unique("browser-big")); // it holds the ApplySet: it must exist
            for (int f = 0; f < BIG / 100; f++) {
                StringBuilder yaml = new StringBuilder();
                for (int i = f * 100; i < (f + 1) * 100; i++) {
                    yaml.append("---\n").append(Manifests.configMapIn(ns, String.format("cm-%05d", i), "value " + i));
                }
                repo.write(String.format("big/cm-%03d.yaml", f), yaml.toString());
            }
            repo.commit("10,000 ConfigMaps");
            String script = "node('gitops') { gitopsSync(url: '" + repo.url() + "', path: 'big', namespace: '" + ns
                    + "', applySet: 'big', kubeconfigCredentialsId: 'test-cluster-kubeconfig', timeout: '15m') }";
            postXml("createItem?name=big-sync", "<flow-definition><definition class='org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition'>"
                    + "<script>" + script.replace("&", "&amp;").replace("<", "&lt;") + "</script><sandbox>true</sandbox>"
                    + "</definition></flow-definition>");
            post("job/big-sync/build");
            JsonNode build = awaitBuild("big-sync", 1, Duration.ofMinutes(20));
            assertThat(build.path("result").asText()).as(log("big-sync", 1)).isEqualTo("SUCCESS");

            long xml = Files.size(dir.resolve("home/jobs/big-sync/builds/1/build.xml"));
            System.out.println("BrowserCheckIT: build.xml of a " + BIG + "-object sync: " + xml + " bytes");
            assertThat(xml).as("build.xml of a 10,000-object sync is " + xml + " bytes").isLessThan(100_000);

            open("job/big-sync/1/gitops-1/");
            long loadMs = ((Number) ((JavascriptExecutor) browser).executeScript(
                    "const t = performance.getEntriesByType('navigation')[0]; return Math.round(t.loadEventEnd - t.startTime);")).longValue();
            System.out.println("BrowserCheckIT: the detail page of the " + BIG + "-object sync loaded in " + loadMs + " ms");
            assertThat(browser.findElement(By.cssSelector(".gitops-group-created")).getText().trim()).isEqualTo("Created: 10,000");
            assertThat(browser.findElements(By.cssSelector("#gitops-objects tbody tr"))).as("the first page of objects").hasSize(100);
            assertThat(browser.findElement(By.id("gitops-page-range")).getText().trim()).isEqualTo("Objects 1 to 100 of 10,000");
            check("sync-detail-10000", browser.findElement(By.id("gitops-all-objects")));
            browser.findElement(By.id("gitops-next-page")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("gitops-page-range")).getText()
                    .startsWith("Objects 101 to 200"));
        }
    }

    // -- helpers -------------------------------------------------------------------------------------

    private static void open(String path) {
        browser.get(jenkins + path);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The first element {@code by} finds that {@code which} accepts, once the page has one (20 s at most). */
    private static WebElement awaitElement(By by, Predicate<WebElement> which) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(by).stream().filter(which).findFirst().orElse(null));
    }

    /**
     * The screenshot of the plugin's part of the page: {@code shown}, what the test asserted, scrolled near the
     * top of the window (with the heading above it), asserted to be there and not covered (by Jenkins' sticky
     * header or button bar); before it, no severe console message on the page.
     */
    private static void check(String name, WebElement shown) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -160)", shown);
        Object inView = js.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                const x = r.left + Math.min(10, r.width / 2), y = r.top + Math.min(10, r.height / 2);
                const hit = document.elementFromPoint(x, y);
                return y >= 0 && y < window.innerHeight && hit !== null && arguments[0].contains(hit);""", shown);
        assertThat(inView).as(name + ": what the test asserted is in the screenshot").isEqualTo(Boolean.TRUE);
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as(name + ": severe console messages: " + severe).isEmpty();
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** Each object of the sync detail page is in this Jenkins' own namespace, or is that Namespace. */
    private static void assertEveryObjectInTheJenkinsNamespace() {
        for (WebElement row : browser.findElements(By.cssSelector("#gitops-objects tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream().map(c -> c.getText().trim()).toList();
            assertThat(cells.get(0).equals("Namespace") ? cells.get(2) : cells.get(1)).as("row " + cells).isEqualTo(example);
        }
    }

    private static boolean loaded(WebElement img) {
        Object w = ((JavascriptExecutor) browser).executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
        return w instanceof Number n && n.intValue() > 0;
    }

    private static void scrollTo(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
    }


    private static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(jenkins + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** A POST with the CSRF crumb (Jenkins' default crumb issuer ties it to the session cookie). */
    private static void post(String path) throws IOException, InterruptedException {
        send(path, HttpRequest.BodyPublishers.noBody(), "application/x-www-form-urlencoded");
    }

    private static void postXml(String path, String xml) throws IOException, InterruptedException {
        send(path, HttpRequest.BodyPublishers.ofString(xml), "application/xml");
    }

    private static void send(String path, HttpRequest.BodyPublisher body, String type) throws IOException, InterruptedException {
        HttpResponse<String> crumb = HTTP.send(HttpRequest.newBuilder(URI.create(jenkins + "crumbIssuer/api/json")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode c = JSON.readTree(crumb.body());
        String cookie = crumb.headers().firstValue("Set-Cookie").map(v -> v.split(";", 2)[0]).orElse("");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(jenkins + path))
                .header(c.path("crumbRequestField").asText(), c.path("crumb").asText()).header("Cookie", cookie)
                .header("Content-Type", type).POST(body).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode() == 201 || r.statusCode() == 302 || r.statusCode() == 200).as(path + ": " + r.statusCode()).isTrue();
    }

    private static JsonNode awaitBuild(String job, int number) throws Exception {
        return awaitBuild(job, number, BUILD_LIMIT);
    }

    private static JsonNode awaitBuild(String job, int number, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(jenkins + "job/" + job + "/" + number + "/api/json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode b = JSON.readTree(r.body());
                if (!b.path("building").asBoolean(true)) {
                    return b;
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(job + " #" + number + " did not finish within " + limit + ": " + log(job, number));
    }

    private static String log(String job, int number) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(jenkins + "job/" + job + "/" + number + "/consoleText")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
