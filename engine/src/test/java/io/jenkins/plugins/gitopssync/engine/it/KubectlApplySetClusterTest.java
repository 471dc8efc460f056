package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Kubectl;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with the real kubectl's ApplySet support (KUBECTL_APPLYSET=true):
 * kubectl reads the engine's parent as an ApplySet (it checks the tooling annotation first and, as the
 * specification requires, will not mutate another tool's set); the same manifests applied by kubectl
 * give a parent with exactly the id and group-kinds the engine computes; and the engine, in turn,
 * refuses to touch kubectl's set.
 */
class KubectlApplySetClusterTest extends ClusterTestBase {

    private static final Map<String, String> APPLYSET_ON = Map.of("KUBECTL_APPLYSET", "true");

    @Test
    void kubectlRecognisesTheEngineInventoryAndComputesTheSameIdentity() throws Exception {
        repo.write("m/cm.yaml", Manifests.configMap("settings", "a", "1"))
                .write("m/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("two objects");
        SyncResult r = sync(b -> b.defaultNamespace(ns));
        assertThat(r.status()).isEqualTo(SyncStatus.Synced);
        String dir = repo.dir().resolve("m").toString();

        // 1. kubectl on the engine's parent: recognised as an ApplySet managed by gitops-sync, left alone
        Kubectl.Result onOurs = Kubectl.run(TestCluster.kubeconfig(), APPLYSET_ON, "apply", "--server-side", "--prune",
                "--applyset=secret/" + applySet, "-n", ns, "-f", dir);
        System.out.println("kubectl on the engine's ApplySet: exit " + onOurs.exitCode() + ": " + onOurs.output().trim());
        assertThat(onOurs.exitCode()).isNotZero();
        assertThat(onOurs.output()).contains("managed by tooling \"gitops-sync\" instead of \"kubectl\"");
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNotNull();

        // 2. kubectl's own ApplySet over the same manifests: same id formula, same group-kinds annotation
        String kubectlSet = "kubectl-" + applySet;
        Kubectl.Result own = Kubectl.run(TestCluster.kubeconfig(), APPLYSET_ON, "apply", "--server-side",
                "--force-conflicts", "--prune", "--applyset=secret/" + kubectlSet, "-n", ns, "-f", dir);
        assertThat(own.exitCode()).as(own.output()).isZero();
        Secret kubectlParent = client.secrets().inNamespace(ns).withName(kubectlSet).get();
        assertThat(kubectlParent.getMetadata().getLabels()).containsEntry(ApplySetId.ID_LABEL, ApplySetId.of(kubectlSet, ns));
        Secret ours = client.secrets().inNamespace(ns).withName(applySet).get();
        assertThat(kubectlParent.getMetadata().getAnnotations().get(ApplySetId.GROUP_KINDS_ANNOTATION))
                .isEqualTo(ours.getMetadata().getAnnotations().get(ApplySetId.GROUP_KINDS_ANNOTATION))
                .isEqualTo("ConfigMap,Deployment.apps");

        // kubectl's prune over its set: drop web from its -f set, kubectl prunes it (members are found by part-of)
        repo.delete("m/web.yaml");
        repo.commit("web removed");
        Kubectl.Result prune = Kubectl.run(TestCluster.kubeconfig(), APPLYSET_ON, "apply", "--server-side",
                "--force-conflicts", "--prune", "--applyset=secret/" + kubectlSet, "-n", ns, "-f", dir);
        assertThat(prune.exitCode()).as(prune.output()).isZero();
        assertThat(prune.output()).contains("deployment.apps/web pruned");

        // 3. the engine will not change kubectl's ApplySet
        SyncResult refused = engine.sync(io.jenkins.plugins.gitopssync.engine.SyncRequest
                .builder(source("m"), kubectlSet).applySetNamespace(ns).prune(true).build());
        assertThat(refused.status()).isEqualTo(SyncStatus.Failed);
        assertThat(refused.errors()).singleElement().asString().contains("is managed by kubectl")
                .contains("does not change another tool's ApplySet");
    }
}
