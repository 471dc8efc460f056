package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.gitopssync.testsupport.ChartRepositoryServer;
import io.jenkins.plugins.gitopssync.testsupport.Helm;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart options of build, diff and sync, on examples/helm (the project's own chart) and the real helm. */
class HelmCliTest {

    @TempDir
    Path tmp;

    private CliRunner cli;

    @BeforeEach
    void helm() {
        Helm.binary();
        cli = new CliRunner(tmp);
    }

    private TestRepo exampleRepo() {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));
        repo.copy(CliRunner.examples().resolve("helm"), "helm", s -> s);
        repo.commit("storefront chart");
        return repo;
    }

    @Test
    void buildPrintsTheChartWithItsValuesAndTemplatesAsSources() {
        try (TestRepo repo = exampleRepo()) {
            CliRunner.Run run = cli.run("build", "--repo", repo.dir().toString(), "--path", "helm/storefront",
                    "--helm-values", "helm/environments/staging.yaml", "--helm-values-inline", "theme: contrast",
                    "--helm-set", "replicas=3", "--release-name", "shop", "--namespace", "web");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("# Source: helm/storefront/templates/deployment.yaml:1",
                    "# Source: helm/storefront/templates/config.yaml:1", "name: shop-storefront", "replicas: 3",
                    "THEME: contrast", "NEW_CHECKOUT: \"true\"");
            assertThat(run.err()).contains("Rendering chart storefront (helm/storefront) with", "release shop in namespace web",
                    "values files helm/environments/staging.yaml");
        }
    }

    @Test
    void aValuesFileOutsideTheRepositoryIsRefused() {
        try (TestRepo repo = exampleRepo()) {
            CliRunner.Run run = cli.run("build", "--repo", repo.dir().toString(), "--path", "helm/storefront",
                    "--helm-values", "../outside.yaml");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("error: chart storefront (helm/storefront): values file '../outside.yaml' leads"
                    + " outside the repository");
        }
    }

    @Test
    void aChartRepositoryAccountComesFromTheEnvironment() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served")).toRealPath();
        try (ChartRepositoryServer server = ChartRepositoryServer.start(served, "ci", "env-pass-1");
             TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            TestCharts.web(tmp, "charts/backend", "backend", "0.2.0");
            server.add(tmp.resolve("charts/backend"));
            TestCharts.front(repo.dir(), "app", "front", server.url());
            repo.commit("front");

            CliRunner.Run denied = cli.run("build", "--repo", repo.dir().toString(), "--path", "app");
            assertThat(denied.exitCode()).isEqualTo(2);
            assertThat(denied.err()).contains("error: chart front (app): helm dependency build failed:", "401");

            cli.env(ChartOptions.REPOSITORY_USERNAME, "ci").env(ChartOptions.REPOSITORY_PASSWORD, "env-pass-1");
            CliRunner.Run fetched = cli.run("build", "--repo", repo.dir().toString(), "--path", "app",
                    "--release-name", "shop");
            assertThat(fetched.exitCode()).as(fetched.toString()).isZero();
            assertThat(fetched.out()).contains("name: shop-web", "# Source: app/charts/backend/templates/web.yaml:1");
            assertThat(fetched.all()).doesNotContain("env-pass-1");
        }
    }

    @Test
    void syncDiffAndChangeAChartOnTheCluster() throws Exception {
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = exampleRepo()) {
            String ns = cluster.createNamespace(cluster.name("gsc-helm"));
            Path report = tmp.resolve("report.json");
            String[] common = {"--repo", repo.dir().toString(), "--path", "helm/storefront", "--kubeconfig",
                    TestCluster.kubeconfig().toString(), "--namespace", ns, "--release-name", "shop",
                    "--helm-values", "helm/environments/staging.yaml"};

            CliRunner.Run sync = cli.run(concat(new String[] {"sync", "--prune", "--wait", "--timeout", "3m",
                    "--report", report.toString()}, common));
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("created    Deployment/" + ns + "/shop-storefront");
            JsonNode chart = new ObjectMapper().readTree(report.toFile()).path("chart");
            assertThat(chart.path("name").asText()).isEqualTo("storefront");
            assertThat(chart.path("version").asText()).isEqualTo("0.3.0");
            assertThat(chart.path("valuesFiles").get(0).asText()).isEqualTo("helm/environments/staging.yaml");

            CliRunner.Run noOp = cli.run(concat(new String[] {"diff", "--prune"}, common));
            assertThat(noOp.exitCode()).as(noOp.toString()).isZero();

            CliRunner.Run changed = cli.run(concat(new String[] {"sync", "--prune", "--no-wait", "--helm-set", "replicas=3"},
                    common));
            assertThat(changed.exitCode()).as(changed.toString()).isZero();
            assertThat(changed.out()).contains("configured Deployment/" + ns + "/shop-storefront");
            Deployment d = cluster.kube().apps().deployments().inNamespace(ns).withName("shop-storefront").get();
            assertThat(d.getSpec().getReplicas()).isEqualTo(3);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
