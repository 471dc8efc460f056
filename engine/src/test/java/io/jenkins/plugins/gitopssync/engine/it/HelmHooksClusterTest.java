package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.HookLabels;
import io.jenkins.plugins.gitopssync.engine.plan.PhaseAnnotations;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Helm's hooks as a chart renders them: pre-install only on a first install (the ApplySet has no inventory),
 * pre-upgrade only on later syncs, the hook weight as the wave, and helm.sh/resource-policy: keep never pruned.
 */
class HelmHooksClusterTest extends ClusterTestBase {

    @Test
    void preInstallOnlyHookRunsOnTheFirstSyncAndNotTheSecond() {
        repo.write("templates/create-db.yaml", HookManifests.job("create-db")
                        .annotate(PhaseAnnotations.HELM_HOOK, "pre-install").annotate(PhaseAnnotations.HELM_WEIGHT, "-5")
                        .yaml())
                .write("templates/migrate.yaml", HookManifests.generatedJob("migrate-")
                        .annotate(PhaseAnnotations.HELM_HOOK, "pre-install,pre-upgrade").yaml())
                .write("templates/backup.yaml", HookManifests.generatedJob("backup-")
                        .annotate(PhaseAnnotations.HELM_HOOK, "pre-upgrade").yaml())
                .write("templates/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("chart output with hooks");

        SyncResult install = sync();

        assertThat(install.errors()).isEmpty();
        assertThat(state(install, "create-db")).isEqualTo(HookResult.State.SUCCEEDED);
        assertThat(state(install, "migrate-")).isEqualTo(HookResult.State.SUCCEEDED);
        assertThat(state(install, "backup-")).isEqualTo(HookResult.State.SKIPPED);
        assertThat(hook(install, "backup-").error()).contains("no inventory yet (a first install)");
        // the weight is the wave: create-db (-5) runs in a wave before the migration (0)
        assertThat(install.waves()).extracting(w -> w.label()).containsExactly("PreSync wave -5", "PreSync wave 0",
                "Sync wave 0");
        String createDbUid = job("create-db").getMetadata().getUid();
        assertThat(jobs("backup-")).isEmpty();

        SyncResult upgrade = sync();

        assertThat(upgrade.errors()).isEmpty();
        assertThat(state(upgrade, "create-db")).isEqualTo(HookResult.State.SKIPPED);
        assertThat(hook(upgrade, "create-db").error()).contains("has an inventory (an upgrade)");
        assertThat(state(upgrade, "migrate-")).isEqualTo(HookResult.State.SUCCEEDED);
        assertThat(state(upgrade, "backup-")).isEqualTo(HookResult.State.SUCCEEDED);
        assertThat(job("create-db").getMetadata().getUid()).as("not run again").isEqualTo(createDbUid);
        assertThat(jobs("backup-")).hasSize(1);
    }

    @Test
    void resourcePolicyKeepIsNeverPruned() {
        repo.write("keep.yaml", HookManifests.annotated(Manifests.configMap("keep-me", "a", "1"),
                        PhaseAnnotations.HELM_RESOURCE_POLICY, "keep"))
                .write("go.yaml", Manifests.configMap("go", "a", "1"));
        repo.commit("two config maps");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);

        repo.delete("keep.yaml").delete("go.yaml");
        repo.commit("both removed from the chart");
        SyncResult r = sync(b -> b.allowEmpty(true));

        assertThat(object(r, "ConfigMap", "go").action()).isEqualTo(Action.PRUNED);
        assertThat(object(r, "ConfigMap", "keep-me").action()).isEqualTo(Action.SKIPPED);
        assertThat(object(r, "ConfigMap", "keep-me").error()).isEqualTo("kept by helm.sh/resource-policy: keep");
        ConfigMap kept = client.configMaps().inNamespace(ns).withName("keep-me").get();
        assertThat(kept).isNotNull();
        assertThat(kept.getMetadata().getLabels()).doesNotContainKey(ApplySetId.PART_OF_LABEL);
    }

    private static HookResult hook(SyncResult r, String namePrefix) {
        return r.hooks().stream().filter(h -> h.name().startsWith(namePrefix)).findFirst().orElseThrow();
    }

    private static HookResult.State state(SyncResult r, String namePrefix) {
        return hook(r, namePrefix).state();
    }

    private Job job(String name) {
        return client.batch().v1().jobs().inNamespace(ns).withName(name).get();
    }

    private List<Job> jobs(String prefix) {
        return client.batch().v1().jobs().inNamespace(ns).withLabel(HookLabels.HOOK_OF, ApplySetId.of(applySet, ns))
                .list().getItems().stream().filter(j -> j.getMetadata().getName().startsWith(prefix)).toList();
    }
}
