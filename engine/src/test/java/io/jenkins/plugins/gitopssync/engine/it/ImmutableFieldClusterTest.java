package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import org.junit.jupiter.api.Test;

/** A changed Deployment selector (immutable): a clear error without force; deleted and re-created with it. */
class ImmutableFieldClusterTest extends ClusterTestBase {

    @Test
    void immutableSelectorFailsWithoutForceAndIsRecreatedWithForce() throws Exception {
        repo.write("web.yaml", Manifests.deployment("web", 1, "nginx:1.27"))
                .write("cm.yaml", Manifests.configMap("settings", "a", "1"));
        repo.commit("first");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        String uidBefore = client.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getUid();

        // same name, new selector and template labels
        repo.write("web.yaml", Manifests.deployment("web", 1, "nginx:1.27").replace("app: web", "app: web-v2"))
                .write("cm.yaml", Manifests.configMap("settings", "a", "2"));
        repo.commit("change the selector");

        SyncResult refused = sync();
        assertThat(refused.status()).isEqualTo(SyncStatus.Failed);
        ObjectResult web = object(refused, "Deployment", "web");
        assertThat(web.action()).isEqualTo(Action.FAILED);
        assertThat(web.error()).contains("Deployment/" + ns + "/web from web.yaml:1")
                .contains("immutable").contains("spec.selector").contains("force");
        // the other objects of the stage were still applied, the failed one is untouched
        assertThat(object(refused, "ConfigMap", "settings").action()).isEqualTo(Action.CONFIGURED);
        Deployment live = client.apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(live.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web");

        SyncResult preview = sync(b -> b.dryRun(true).force(true));
        assertThat(object(preview, "Deployment", "web").action()).isEqualTo(Action.CONFIGURED);

        SyncResult forced = sync(b -> b.force(true));
        assertThat(forced.errors()).isEmpty();
        assertThat(forced.status()).isEqualTo(SyncStatus.Synced);
        assertThat(object(forced, "Deployment", "web").action()).isEqualTo(Action.CONFIGURED);
        Deployment recreated = client.apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(recreated.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web-v2");
        assertThat(recreated.getMetadata().getUid()).isNotEqualTo(uidBefore);
        assertThat(log.infos).anyMatch(l -> l.contains("re-creating Deployment/" + ns + "/web"));
    }
}
