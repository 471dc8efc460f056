package io.jenkins.plugins.gitopssync.step;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.PasswordParameterDefinition;
import hudson.model.PasswordParameterValue;
import hudson.model.Result;
import hudson.util.Secret;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.freestyle.GitOpsSyncBuilder;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.SyncReports;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ChartRepositoryServer;
import io.jenkins.plugins.gitopssync.testsupport.Helm;
import io.jenkins.plugins.gitopssync.testsupport.TestCharts;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import io.jenkins.plugins.gitopssync.trigger.GitOpsTrigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Helm charts through Jenkins: the Pipeline step on an agent syncs a chart with a values file and the build page
 * names the chart, its version and values files; a dependency comes from a chart repository on loopback with
 * basic auth, with a Jenkins username/password credential; a parameter naming a password parameter is masked in
 * the log, the build page and the report; the chart options survive the freestyle and trigger forms.
 */
@ExtendWith(LocalRepositories.class)
class HelmChartStepTest extends JenkinsTestBase {

    private String helm;

    @BeforeEach
    void setUp() {
        helm = Helm.binary().toString();
    }

    private static String step(TestRepo repo, String ns, String more) {
        return "gitopsSync(url: '" + repo.url() + "', path: 'charts/web', namespace: '" + ns + "', kubeconfigCredentialsId: 'kc',"
                + " prune: true, wait: false, releaseName: 'shop', helm: '" + Helm.binary() + "'" + more + ")";
    }

    @Test
    void theStepOnAnAgentSyncsAChartWithAValuesFileAndTheBuildPageNamesIt() throws Exception {
        j.createOnlineSlave();
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", TestCluster.kubeconfigContent()));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            String ns = cluster.createNamespace(cluster.name("gs-helm-step"));
            TestCharts.web(repo.dir(), "charts/web", "web", "0.4.0");
            repo.write("env/prod.yaml", "greeting: hello from prod\nreplicas: 2\n");
            repo.commit("chart");

            WorkflowRun run = j.buildAndAssertSuccess(onAgent("helm-step", step(repo, ns, ", valuesFiles: 'env/prod.yaml'")));

            j.assertLogContains("Rendering chart web (charts/web) with " + helm + " template: release shop in namespace " + ns
                    + ", values files env/prod.yaml", run);
            try (KubernetesClient c = TestCluster.client()) {
                assertThat(c.configMaps().inNamespace(ns).withName("shop-greeting").get().getData().get("greeting")).isEqualTo("hello from prod");
                assertThat(c.apps().deployments().inNamespace(ns).withName("shop-web").get().getSpec().getReplicas()).isEqualTo(2);
            }
            SyncRecord record = run.getAction(GitOpsSyncAction.class).getRecord();
            assertThat(record.getChartName()).isEqualTo("web");
            assertThat(record.getChartVersion()).isEqualTo("0.4.0");
            assertThat(record.getChartValuesFiles()).isEqualTo(List.of("env/prod.yaml"));
            assertThat(SyncReports.objects(run.getAction(GitOpsSyncAction.class))).as("each object's template is its source")
                    .anyMatch(o -> "charts/web/templates/config.yaml:1".equals(o.source()));
            String page = j.createWebClient().getPage(run).asNormalizedText();
            assertThat(page).as(page).contains("Chart web version 0.4.0, values files env/prod.yaml");
            String detail = j.createWebClient().getPage(run, "gitops-1/").asNormalizedText();
            assertThat(detail).as(detail).contains("web version 0.4.0, release shop, values files env/prod.yaml");
            assertThat(detail).as(detail).contains("charts/web/templates/web.yaml:1");

            WorkflowRun again = j.buildAndAssertSuccess(run.getParent());
            SyncRecord noOp = again.getAction(GitOpsSyncAction.class).getRecord();
            assertThat(noOp.getCreated() + noOp.getConfigured() + noOp.getPruned()).as("a re-sync is a no-op").isEqualTo(0);
        }
    }

    @Test
    void aDependencyComesFromAChartRepositoryWithAJenkinsCredential() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", TestCluster.kubeconfigContent()));
        TestCredentials.add(j.jenkins, TestCredentials.usernamePassword("charts", "reader", "chart-Pass-7"));
        j.createOnlineSlave();
        Path served = Files.createDirectories(tmp.resolve("served")).toRealPath();
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"));
             ChartRepositoryServer server = ChartRepositoryServer.start(served, "reader", "chart-Pass-7")) {
            String ns = cluster.createNamespace(cluster.name("gs-helm-dep"));
            TestCharts.web(tmp, "packaged/backend", "backend", "0.2.0");
            server.add(tmp.resolve("packaged/backend"));
            TestCharts.front(repo.dir(), "charts/web", "web", server.url());
            repo.commit("chart with a dependency");

            WorkflowRun denied = j.buildAndAssertStatus(Result.FAILURE, onAgent("helm-dep-denied", step(repo, ns, "")));
            j.assertLogContains("chart web (charts/web): helm dependency build failed:", denied);
            j.assertLogContains("401", denied);

            WorkflowRun run = j.buildAndAssertSuccess(onAgent("helm-dep", step(repo, ns, ", chartCredentialsId: 'charts'")));

            assertThat(server.requests()).as(server.requests().toString()).contains("200 /charts/backend-0.2.0.tgz");
            j.assertLogNotContains("chart-Pass-7", run);
            try (KubernetesClient c = TestCluster.client()) {
                assertThat(c.configMaps().inNamespace(ns).withName("shop-greeting").get()).as("the dependency's objects").isNotNull();
                assertThat(c.configMaps().inNamespace(ns).withName("front").get()).isNotNull();
            }
            var objects = SyncReports.objects(run.getAction(GitOpsSyncAction.class));
            assertThat(objects).as(objects.toString()).anyMatch(o -> "charts/web/charts/backend/templates/web.yaml:1".equals(o.source()));
        }
    }

    @Test
    void aParameterNamingAPasswordParameterIsMaskedInTheLogPageAndReport() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", TestCluster.kubeconfigContent()));
        j.createOnlineSlave();
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            String ns = cluster.createNamespace(cluster.name("gs-helm-secret"));
            TestCharts.web(repo.dir(), "charts/web", "web", "0.1.0");
            TestCharts.write(repo.dir(), "charts/web/templates/db.yaml", """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: db
                    data:
                      url: {{ printf "postgres://app:%s@db" .Values.db.password | quote }}
                    """);
            repo.commit("chart");
            WorkflowJob p = onAgent("helm-secret", step(repo, ns, ", parameters: 'db.password=${DB_PASSWORD}\\nreplicas=2'"));
            p.addProperty(new ParametersDefinitionProperty(new PasswordParameterDefinition("DB_PASSWORD", "", "")));

            j.assertBuildStatusSuccess(p.scheduleBuild2(0, new ParametersAction(
                    new PasswordParameterValue("DB_PASSWORD", "First-Pw-1"))));
            WorkflowRun second = j.assertBuildStatusSuccess(p.scheduleBuild2(0, new ParametersAction(
                    new PasswordParameterValue("DB_PASSWORD", "Second-Pw-2"))));

            try (KubernetesClient c = TestCluster.client()) {
                ConfigMap db = c.configMaps().inNamespace(ns).withName("db").get();
                assertThat(db.getData().get("url")).isEqualTo("postgres://app:Second-Pw-2@db");
                assertThat(c.apps().deployments().inNamespace(ns).withName("shop-web").get().getSpec().getReplicas()).isEqualTo(2);
            }
            String diff = SyncReports.objects(second.getAction(GitOpsSyncAction.class)).stream()
                    .filter(o -> o.name().equals("db")).findFirst().orElseThrow().diff();
            assertThat(diff).as(diff).contains("postgres://app:***");
            j.assertLogNotContains("Second-Pw-2", second);
            j.assertLogNotContains("First-Pw-1", second);
            for (String page : List.of("gitops-1/", "gitops-1/json", "")) {
                String text = j.createWebClient().goTo(second.getUrl() + page, null).getWebResponse().getContentAsString();
                assertThat(text).as(page).doesNotContain("Second-Pw-2").doesNotContain("First-Pw-1");
            }
        }
    }

    @Test
    void theChartOptionsSurviveTheFreestyleAndTriggerForms() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("chart-forms");
        GitOpsSyncBuilder b = new GitOpsSyncBuilder("https://git.example.com/org/manifests.git");
        b.setPath("charts/web");
        b.setReleaseName("shop");
        b.setValuesFiles("env/base.yaml\nenv/prod.yaml");
        b.setValues("greeting: hi\n");
        b.setParameters("image.tag=1.2.3\nreplicas=2");
        b.setSkipCrds(true);
        b.setHelm("/opt/helm/bin/helm");
        b.setChartCredentialsId("charts");
        p.getBuildersList().add(b);
        GitOpsTrigger t = new GitOpsTrigger("H/10 * * * *");
        t.setUrl("https://git.example.com/org/manifests.git");
        t.setPath("charts/web");
        t.setValuesFiles("env/prod.yaml");
        t.setReleaseName("shop");
        t.setParameters("replicas=2");
        t.setSkipCrds(true);
        t.setHelm("helm");
        p.addTrigger(t);

        j.configRoundtrip(p);

        j.assertEqualDataBoundBeans(b, p.getBuildersList().get(GitOpsSyncBuilder.class));
        j.assertEqualDataBoundBeans(t, GitOpsTrigger.of(p));
        assertThat(p.getBuildersList().get(GitOpsSyncBuilder.class).toSpec(new hudson.EnvVars()).valuesFileList())
                .isEqualTo(List.of("env/base.yaml", "env/prod.yaml"));
    }
}
