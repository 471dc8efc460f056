package io.jenkins.plugins.gitopssync.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.testsupport.ChartRepositoryServer;
import io.jenkins.plugins.gitopssync.testsupport.Helm;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dependency from a chart repository on loopback that wants HTTP basic auth: fetched with the given account
 * into the render's own workspace (the checkout and the user's Helm configuration untouched); refused without it,
 * in one line naming the chart.
 */
class ChartRepositoryDependencyTest {

    @TempDir
    Path repo;
    @TempDir
    Path served;
    @TempDir
    Path charts;
    @TempDir
    Path home;

    private final RecordingLog log = new RecordingLog();
    private ChartRepositoryServer server;

    @BeforeEach
    void repository() throws Exception {
        Helm.binary();
        server = ChartRepositoryServer.start(served.toRealPath(), "reader", "s3cret-pass");
        TestCharts.web(charts, "backend", "backend", "0.2.0");
        server.add(charts.resolve("backend"));
        TestCharts.front(repo, "app", "front", server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Rendering render(ChartRepositoryAuth auth) {
        // HOME elsewhere: whatever a user's ~/.config/helm holds takes no part
        LocalProcessRunner runner = new LocalProcessRunner(java.util.Map.of("PATH", System.getenv("PATH"),
                "HOME", home.toString()));
        return Renderer.render(new ManifestSource(repo, "rev", "app"),
                new RenderOptions(new Tools(runner, null, Helm.binary().toString()),
                        HelmOptions.builder().repositoryAuth(auth).build()),
                ChartTarget.offline("shop", "ns"), log);
    }

    @Test
    void aDependencyIsFetchedWithTheAccount() throws Exception {
        Rendering r = render(new ChartRepositoryAuth("reader", "s3cret-pass"));

        assertThat(HelmRendererTest.byName(r)).containsKeys("ConfigMap/front", "ConfigMap/shop-greeting", "Deployment/shop-web");
        assertThat(server.requests()).contains("200 /charts/index.yaml", "200 /charts/backend-0.2.0.tgz");
        assertThat(Files.exists(repo.resolve("app/charts"))).as("the checkout is not written to").isFalse();
        assertThat(Files.exists(home.resolve(".config/helm"))).as("nor the user's Helm configuration").isFalse();
        assertThat(String.join("\n", log.infos)).doesNotContain("s3cret-pass");
    }

    @Test
    void withoutTheAccountTheFetchFailsInOneLine() {
        assertThatThrownBy(() -> render(null))
                .hasMessageStartingWith("chart front (app): helm dependency build failed: ")
                .hasMessageContaining("401")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(server.requests()).allMatch(r -> r.startsWith("401 "));
    }

    @Test
    void aWrongPasswordIsMaskedInTheError() {
        assertThatThrownBy(() -> render(new ChartRepositoryAuth("reader", "wrong-pass")))
                .hasMessageContaining("401")
                .hasMessageNotContaining("wrong-pass");
    }

    @Test
    void aMatchingLockFileIsFollowed() throws Exception {
        Path copy = Files.createDirectories(home.resolve("lock"));
        TestCharts.write(copy, "app/Chart.yaml", Files.readString(repo.resolve("app/Chart.yaml")));
        TestCharts.write(home, "config/helm/repositories.yaml", """
                repositories:
                  - name: served
                    url: %s
                    username: reader
                    password: s3cret-pass
                """.formatted(server.url()));
        Helm.run(copy.resolve("app"), "dependency", "update", ".", "--repository-config",
                home.resolve("config/helm/repositories.yaml").toString());
        Files.copy(copy.resolve("app/Chart.lock"), repo.resolve("app/Chart.lock"));
        Files.delete(home.resolve("config/helm/repositories.yaml"));
        Files.delete(home.resolve("config/helm"));
        Files.delete(home.resolve("config"));

        Rendering r = render(new ChartRepositoryAuth("reader", "s3cret-pass"));

        assertThat(HelmRendererTest.byName(r)).containsKey("Deployment/shop-web");
    }
}
