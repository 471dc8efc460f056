package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.Kubectl;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, first "Must show": create → no-op on the fast path → Git change → drift by other field
 * managers (kubectl patch, kubectl scale) found by a dry run and classified as drift → corrected by the
 * next sync → an object removed from Git is pruned → the opt-out annotation keeps one. Secret values
 * are checked against every diff, JSON report and log line along the way.
 */
class SyncLifecycleClusterTest extends ClusterTestBase {

    private static final String PASSWORD_1 = "s3cr3t-Pa55-first";
    private static final String PASSWORD_2 = "s3cr3t-Pa55-second";
    private final List<SyncResult> results = new ArrayList<>();

    @Test
    void createNoOpGitChangeDriftCorrectPrune() throws Exception {
        repo.write("app/config.yaml", Manifests.configMap("app-config", "color", "blue"))
                .write("app/secret.yaml", Manifests.secret("app-secret", PASSWORD_1))
                .write("app/web.yaml", Manifests.deployment("web", 2, "nginx:1.27"))
                .write("app/svc.yaml", Manifests.service("web"))
                .write("app/keep.yaml", Manifests.configMapKept("keep-me"))
                .write("app/remove.yaml", Manifests.configMap("remove-me", "x", "1"));
        repo.commit("first");

        // 1. create
        SyncResult created = keep(sync());
        assertThat(created.errors()).isEmpty();
        assertThat(created.status()).isEqualTo(SyncStatus.Synced);
        assertThat(created.totals().created()).isEqualTo(6);
        assertThat(client.configMaps().inNamespace(ns).withName("app-config").get().getMetadata().getLabels())
                .containsEntry(ApplySetId.PART_OF_LABEL, ApplySetId.of(applySet, ns));
        Map<String, String> parentAnnotations = client.secrets().inNamespace(ns).withName(applySet).get()
                .getMetadata().getAnnotations();
        assertThat(parentAnnotations).containsEntry(ApplySetId.GROUP_KINDS_ANNOTATION,
                "ConfigMap,Deployment.apps,Secret,Service").containsEntry(ApplySetId.TOOLING_ANNOTATION, "gitops-sync/1.0.0");

        // 2. no-op: nothing changed, no PATCH (no dry run, no apply), a handful of requests
        Map<String, Long> before = access.requestCountByMethod();
        SyncResult noop = keep(sync());
        Map<String, Long> after = access.requestCountByMethod();
        assertThat(noop.totals().changed()).isZero();
        assertThat(noop.totals().unchanged()).isEqualTo(6);
        assertThat(after.getOrDefault("PATCH", 0L)).isEqualTo(before.getOrDefault("PATCH", 0L));
        assertThat(noop.apiRequests()).isLessThanOrEqualTo(15);
        System.out.println("no-op sync of 6 objects: " + noop.apiRequests() + " API requests " + diff(before, after));

        // 3. Git change: a ConfigMap value and the Secret's password
        repo.write("app/config.yaml", Manifests.configMap("app-config", "color", "green"))
                .write("app/secret.yaml", Manifests.secret("app-secret", PASSWORD_2));
        repo.commit("change color and password");
        SyncResult gitChange = keep(sync());
        assertThat(gitChange.status()).isEqualTo(SyncStatus.Synced);
        ObjectResult config = object(gitChange, "ConfigMap", "app-config");
        assertThat(config.action()).isEqualTo(Action.CONFIGURED);
        assertThat(config.drift()).isFalse();
        assertThat(config.diff()).contains("-  color: blue").contains("+  color: green");
        ObjectResult secret = object(gitChange, "Secret", "app-secret");
        assertThat(secret.action()).isEqualTo(Action.CONFIGURED);
        assertThat(secret.diff()).contains("*** (before)").contains("*** (after)");
        assertThat(gitChange.totals().configured()).isEqualTo(2);
        assertThat(gitChange.drifted()).isEmpty();
        // a caller may send the result to another JVM (the plugin sends its own record instead): serialization keeps it whole
        assertThat(roundTrip(gitChange)).isEqualTo(gitChange);

        // 4. drift by other field managers, as kubectl edit/patch and kubectl scale do
        Kubectl.ok("-n", ns, "patch", "configmap", "app-config", "--type=merge", "-p", "{\"data\":{\"color\":\"red\"}}");
        Kubectl.ok("-n", ns, "scale", "deployment", "web", "--replicas=5");
        SyncResult dryRun = keep(sync(b -> b.dryRun(true)));
        assertThat(dryRun.status()).isEqualTo(SyncStatus.Drift);
        assertThat(object(dryRun, "ConfigMap", "app-config").drift()).isTrue();
        assertThat(object(dryRun, "ConfigMap", "app-config").diff()).contains("-  color: red").contains("+  color: green");
        ObjectResult web = object(dryRun, "Deployment", "web");
        assertThat(web.action()).isEqualTo(Action.CONFIGURED);
        assertThat(web.drift()).isTrue();
        assertThat(web.diff()).contains("-  replicas: 5").contains("+  replicas: 2");
        assertThat(dryRun.totals().drifted()).isEqualTo(2);
        assertThat(client.configMaps().inNamespace(ns).withName("app-config").get().getData()).containsEntry("color", "red");
        InventoryStatus status = engine.status(applySet, ns);
        assertThat(status.drifted()).extracting(ObjectResult::name).contains("app-config", "web");
        assertThat(status.lastRevision()).isEqualTo(gitChange.revision());

        // 5. the next sync corrects the drift
        SyncResult corrected = keep(sync());
        assertThat(corrected.status()).isEqualTo(SyncStatus.Synced);
        assertThat(object(corrected, "ConfigMap", "app-config").drift()).isTrue();
        assertThat(object(corrected, "Deployment", "web").action()).isEqualTo(Action.CONFIGURED);
        assertThat(client.configMaps().inNamespace(ns).withName("app-config").get().getData()).containsEntry("color", "green");
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get().getSpec().getReplicas()).isEqualTo(2);
        assertThat(keep(sync(b -> b.dryRun(true))).status()).isEqualTo(SyncStatus.Synced);
        // controllers keep updating the Deployment's status (here after the scale back to 2); that is not drift
        Eventually.until("the Deployment's status to show the scale back to 2", Duration.ofSeconds(60), () -> {
            Deployment d = client.apps().deployments().inNamespace(ns).withName("web").get();
            return Objects.equals(d.getStatus().getObservedGeneration(), d.getMetadata().getGeneration())
                    && Objects.equals(d.getStatus().getReplicas(), 2);
        });
        InventoryStatus clean = engine.status(applySet, ns);
        assertThat(clean.drifted()).isEmpty();
        assertThat(clean.objectCount()).isEqualTo(6);
        assertThat(clean.apiRequests()).isLessThanOrEqualTo(10);

        // 6. removed from Git: pruned; the opted-out one stays and leaves the ApplySet
        repo.delete("app/remove.yaml").delete("app/keep.yaml");
        repo.commit("remove two config maps");
        SyncResult pruned = keep(sync());
        assertThat(pruned.status()).isEqualTo(SyncStatus.Synced);
        assertThat(object(pruned, "ConfigMap", "remove-me").action()).isEqualTo(Action.PRUNED);
        assertThat(object(pruned, "ConfigMap", "keep-me").action()).isEqualTo(Action.SKIPPED);
        assertThat(client.configMaps().inNamespace(ns).withName("remove-me").get()).isNull();
        ConfigMap kept = client.configMaps().inNamespace(ns).withName("keep-me").get();
        assertThat(kept).isNotNull();
        assertThat(kept.getMetadata().getLabels()).doesNotContainKey(ApplySetId.PART_OF_LABEL);
        SyncResult afterPrune = keep(sync());
        assertThat(afterPrune.totals().changed()).isZero();
        assertThat(afterPrune.objects()).extracting(ObjectResult::name).doesNotContain("keep-me", "remove-me");
        assertThat(client.configMaps().inNamespace(ns).withName("keep-me").get()).isNotNull();

        // secret values appear nowhere: diffs, JSON reports, log lines, errors
        List<String> everything = new ArrayList<>(log.infos);
        everything.addAll(log.warnings);
        for (SyncResult r : results) {
            everything.add(JsonReport.toJson(r));
            r.objects().forEach(o -> everything.add(o.diff() + " " + o.error()));
            everything.addAll(r.errors());
        }
        for (String secretValue : List.of(PASSWORD_1, PASSWORD_2, b64(PASSWORD_1), b64(PASSWORD_2))) {
            assertThat(everything).noneMatch(s -> s.contains(secretValue));
        }
        assertThat(log.infos).anyMatch(l -> l.startsWith("apply stage"));
        assertThat(log.infos).anyMatch(l -> l.contains("configured ConfigMap/" + ns + "/app-config"));
    }

    private static SyncResult roundTrip(SyncResult r) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (SyncResult) in.readObject();
        }
    }

    private SyncResult keep(SyncResult r) {
        results.add(r);
        return r;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new java.util.TreeMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }
}
