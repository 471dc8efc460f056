package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.JsonReportReader;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.pages.BadgeState;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.step.StepResult;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import io.jenkins.plugins.gitopssync.trigger.TriggerDecision;
import io.jenkins.plugins.gitopssync.trigger.TriggerReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's path through the engine against the real test cluster, without Jenkins: options to
 * request, the sync, the recorded result, the build verdict, the step's map, the trigger's status
 * check and decision, for both kinds of credentials (kubeconfig content; server URL + token + CA).
 * Skipped without GITOPS_TEST_KUBECONFIG.
 */
class EngineSyncClusterTest {

    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();
    private final SyncLog syncLog = new SyncLog() {
        @Override
        public void info(String message) {
            log.add(message);
        }

        @Override
        public void warn(String message) {
            log.add("WARNING: " + message);
        }
    };

    private static SyncSpec options(String url, String ns, boolean prune, boolean dryRun) {
        return SyncSpec.builder(url).ref("main").path("deploy").kubeconfigCredentialsId("kc").namespace(ns)
                .prune(prune).dryRun(dryRun).timeout("2m").applySet(ns).build();
    }

    private static EngineSync.Call call(SyncSpec options, Path root, String revision, String applySet) {
        return new EngineSync.Call(options, root, revision, applySet, null, "test");
    }

    @Test
    void syncDriftDryRunPruneAndTriggerStatus() throws Exception {
        String kubeconfig = TestCluster.kubeconfigContent();
        String ns = TestCluster.unique("plugin-engine");
        ClusterConnection connection = ClusterConnection.kubeconfig(kubeconfig, null, "kc");
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            repo.write("deploy/cm.yaml", Manifests.configMapIn(ns, "cfg", "hello"))
                    .write("deploy/old.yaml", Manifests.configMapIn(ns, "old", "bye"));
            String rev1 = repo.commit("first");
            Path root = tmp.resolve("repo");

            // 1. first sync: everything created, build succeeds, the step's map says so
            Path report = tmp.resolve("report.json");
            SyncRecord r1 = EngineSync.run(call(options(repo.url(), ns, true, false), root, rev1, ns), connection, LocalProcessRunner.ofThisProcess(), syncLog, report);
            assertThat(r1.getStatus()).as(String.join("\n", log) + r1.getErrors()).isEqualTo(SyncStatus.Synced);
            assertThat(r1.getCreated()).isEqualTo(2);
            assertThat(r1.getRevision()).isEqualTo(rev1);
            assertThat(ResultPolicy.decide(r1, false).outcome()).isEqualTo(ResultPolicy.Outcome.SUCCESS);
            assertThat(StepResult.of(r1, "u").get("status")).isEqualTo("synced");
            assertThat(Files.readString(report)).as("the JSON report names the revision").contains(rev1);
            assertThat(r1.getGroups().get(0).getObjects()).as("each object names its file:line")
                    .allMatch(o -> o.getSource() != null && o.getSource().contains(".yaml:"));
            // the YAML it parsed is kept beside the checkout (not in it: a checkout is cleaned), for the next sync
            // on this agent; the dry run and the sync below read through it
            assertThat(tmp.resolve("repo@tmp/parsed")).as("the parse cache beside the checkout").isRegularFile();

            // 2. the trigger's view: nothing new, no drift
            InventoryStatus status = status(connection, ns, ns);
            assertThat(status.lastRevision()).isEqualTo(rev1);
            assertThat(new TriggerDecision(rev1, status.lastRevision(), status.drifted().size(), false, null).reason().map(TriggerReason::text))
                    .isEqualTo(Optional.empty());

            // 3. someone edits the cluster: a dry run reports the drift, the build is UNSTABLE, or FAILURE with failOnDrift
            try (KubernetesClient c = TestCluster.client()) {
                c.configMaps().inNamespace(ns).withName("cfg").edit(cm -> {
                    cm.getData().put("greeting", "changed by hand");
                    return cm;
                });
            }
            assertThat(new TriggerDecision(rev1, rev1,
                    status(connection, ns, ns).drifted().size(), false, null).reason().map(TriggerReason::text)).isEqualTo(Optional.of("1 object drifted"));
            SyncRecord dry = EngineSync.run(call(options(repo.url(), ns, true, true), root, rev1, ns), connection, LocalProcessRunner.ofThisProcess(), syncLog, report);
            assertThat(dry.getDrifted()).isEqualTo(1);
            assertThat(ResultPolicy.decide(dry, false).outcome()).isEqualTo(ResultPolicy.Outcome.UNSTABLE);
            assertThat(ResultPolicy.decide(dry, true).outcome()).isEqualTo(ResultPolicy.Outcome.FAILURE);
            assertThat(StepResult.of(dry, "u").get("driftedObjects")).isEqualTo(List.of("ConfigMap/" + ns + "/cfg"));
            assertThat(dry.getDriftedObjects().get(0).getDiff()).as("build.xml keeps no diff").isNull();
            assertThat(JsonReportReader.page(report, 0, 10, ObjectResult::drift).objects().get(0).diff())
                    .as("the report's diff shows the change").contains("changed by hand");
            assertThat(1).isEqualTo(BadgeState.of(List.of(dry)).driftCount());

            // 4. a Git change removes a file: the sync corrects the drift and prunes
            Files.delete(root.resolve("deploy/old.yaml"));
            String rev2 = repo.commit("remove old");
            assertThat(new TriggerDecision(rev2, status(connection, ns, ns).lastRevision(), null, false, null).reason().map(TriggerReason::text))
                    .isEqualTo(Optional.of("new revision " + rev2.substring(0, 7)));
            SyncRecord r2 = EngineSync.run(call(options(repo.url(), ns, true, false), root, rev2, ns), connection, LocalProcessRunner.ofThisProcess(), syncLog, report);
            assertThat(r2.getPruned()).as(r2.getGroups().toString()).isEqualTo(1);
            assertThat(r2.getConfigured()).isEqualTo(1);
            assertThat(ResultPolicy.decide(r2, false).outcome()).isEqualTo(ResultPolicy.Outcome.SUCCESS);
            assertThat(status(connection, ns, ns).drifted()).isEmpty();
        }
    }

    @Test
    void serverUrlTokenAndCaCertificate() throws Exception {
        String kubeconfig = TestCluster.kubeconfigContent();
        Config config = Config.fromKubeconfig(kubeconfig);
        String ca = config.getCaCertData() != null
                ? new String(Base64.getDecoder().decode(config.getCaCertData()), StandardCharsets.UTF_8)
                : Files.readString(Path.of(config.getCaCertFile()), StandardCharsets.UTF_8);
        String token = config.getAutoOAuthToken() != null ? config.getAutoOAuthToken() : config.getOauthToken();
        String ns = TestCluster.unique("plugin-token");
        ClusterConnection connection = ClusterConnection.token(config.getMasterUrl(), token, ca);
        assertThat(connection.toString()).doesNotContain(token);
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            repo.write("deploy/cm.yaml", Manifests.configMapIn(ns, "cfg", "x"));
            String rev = repo.commit("first");

            SyncRecord r = EngineSync.run(call(options(repo.url(), ns, false, false), tmp.resolve("repo"), rev, ns), connection, LocalProcessRunner.ofThisProcess(), syncLog,
                    tmp.resolve("report.json"));

            assertThat(r.getStatus()).as(r.getErrors().toString()).isEqualTo(SyncStatus.Synced);
            assertThat(r.getCreated()).isEqualTo(1);
            assertThat(String.join("\n", log)).as("the token never reaches the log").doesNotContain(token);
        }
    }

    @Test
    void unusableKubeconfigIsAnErrorWithoutItsContent() throws Exception {
        TestCluster.kubeconfig();
        ClusterConnection broken = ClusterConnection.kubeconfig("apiVersion: v1\nkind: Config\nusers: [ {{ token: s3cr3t\n", null, "broken");
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("deploy/cm.yaml", Manifests.configMapIn("default", "cfg", "x"));
            String rev = repo.commit("first");
            SyncException e = assertThatExceptionOfType(SyncException.class)
                    .isThrownBy(() -> EngineSync.run(call(options(repo.url(), "default", false, false),
                    tmp.resolve("repo"), rev, "plugin-broken"), broken, LocalProcessRunner.ofThisProcess(), syncLog, tmp.resolve("report.json"))).actual();
            assertThat(e.getMessage()).as(e.getMessage()).doesNotContain("s3cr3t");
            assertThat(e.getMessage()).as("says where: " + e.getMessage()).contains("line 3");
        }
    }

    @Test
    void requestCarriesEveryOption() {
        SyncSpec o = SyncSpec.builder("https://git.example.com/r.git").ref("v1").path("apps").namespace("shop")
                .targetNamespace("shop-prod").prune(true).dryRun(true).waitForHealth(false).timeout("90s").force(true)
                .applySet("shop").concurrency(3).build();
        var request = EngineSync.request(call(o, tmp, "abc", "shop-apps"), LocalProcessRunner.ofThisProcess());
        assertThat(request.source().path()).isEqualTo("apps");
        assertThat(request.source().revision()).isEqualTo("abc");
        assertThat(request.applySetName()).isEqualTo("shop-apps");
        assertThat(request.applySetNamespace()).isEqualTo("shop");
        assertThat(request.defaultNamespace()).isEqualTo("shop");
        assertThat(request.targetNamespace()).isEqualTo("shop-prod");
        assertThat(request.prune() && request.dryRun() && request.force()).isTrue();
        assertThat(request.waitForHealth()).isFalse();
        assertThat(request.timeout().toSeconds()).isEqualTo(90);
        assertThat(request.concurrency()).isEqualTo(3);
    }

    private static InventoryStatus status(ClusterConnection connection, String applySet, String ns) {
        try (GitOpsSync engine = new GitOpsSync(connection.open(io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions.local()), SyncLog.SILENT)) {
            return engine.status(applySet, ns);
        }
    }
}
