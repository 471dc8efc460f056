package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sync stopped between apply and prune (the phase hook throws, as a killed process stops), whose new
 * set drops a whole kind: the parent still lists the old kind (superset), so the re-run finds and prunes
 * the orphan, then narrows the parent.
 */
class InterruptedSyncClusterTest extends ClusterTestBase {

    @Test
    void interruptedBetweenApplyAndPruneConvergesOnRerun() throws Exception {
        syncConfigMapAndServiceAccount();

        // new revision: the ServiceAccount kind leaves the set entirely, a Secret arrives
        repo.delete("sa.yaml").write("secret.yaml", Manifests.secret("creds", "hunter2-but-longer"))
                .write("cm.yaml", Manifests.configMap("settings", "a", "2"));
        repo.commit("drop the service account");
        engine.setPhaseHook(phase -> {
            if (phase.equals(Progress.APPLIED)) {
                throw new IllegalStateException("simulated kill after apply");
            }
        });
        SyncResult interrupted = sync();
        assertThat(interrupted.status()).isEqualTo(SyncStatus.Failed);
        assertThat(interrupted.errors()).singleElement().asString().contains("simulated kill after apply");
        assertThat(client.secrets().inNamespace(ns).withName("creds").get()).isNotNull(); // applied
        assertThat(client.serviceAccounts().inNamespace(ns).withName("old-sa").get()).isNotNull(); // not pruned
        assertThat(groupKinds()).contains("ServiceAccount", "Secret", "ConfigMap"); // the superset

        engine.setPhaseHook(null);
        SyncResult rerun = sync();
        assertThat(rerun.errors()).isEmpty();
        assertThat(rerun.status()).isEqualTo(SyncStatus.Synced);
        assertThat(object(rerun, "ServiceAccount", "old-sa").action()).isEqualTo(Action.PRUNED);
        assertThat(client.serviceAccounts().inNamespace(ns).withName("old-sa").get()).isNull();
        assertThat(groupKinds()).isEqualTo("ConfigMap,Secret");
        // no orphan: nothing in the namespace carries the part-of label but the desired objects
        assertThat(client.serviceAccounts().inNamespace(ns).withLabel(ApplySetId.PART_OF_LABEL).list().getItems()).isEmpty();
        assertThat(sync().totals().changed()).isZero();
    }

    @Test
    void killedProcessLeavesNoOrphanOnceItsLeaseExpires() throws Exception {
        syncConfigMapAndServiceAccount();
        repo.delete("sa.yaml").write("role.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: reader
                rules:
                - apiGroups: [""]
                  resources: ["configmaps"]
                  verbs: ["get"]
                """);
        String revision = repo.commit("service account out, role in");

        // a child JVM runs the sync and is halted between apply and prune
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledSyncMain.class.getName(),
                TestCluster.kubeconfig().toString(), repo.dir().toString(), revision, ".", applySet, ns)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("halting after apply");
        assertThat(client.rbac().roles().inNamespace(ns).withName("reader").get()).isNotNull();
        assertThat(client.serviceAccounts().inNamespace(ns).withName("old-sa").get()).isNotNull();
        assertThat(groupKinds()).contains("ServiceAccount", "Role.rbac.authorization.k8s.io");

        // its lease was never released: a re-run right away is refused, naming the dead holder
        SyncResult blocked = sync();
        assertThat(blocked.status()).isEqualTo(SyncStatus.Failed);
        assertThat(blocked.errors()).singleElement().asString().contains("already running (held by ")
                .contains("/pid-" + child.pid() + "/");
        // once the lease expires (here: its renew time moved back by the lease duration), the re-run converges
        client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet)).edit(l -> {
            l.getSpec().setRenewTime(l.getSpec().getRenewTime().minusSeconds(SyncLease.DEFAULT_DURATION.toSeconds() + 1));
            return l;
        });
        SyncResult rerun = sync();
        assertThat(rerun.errors()).isEmpty();
        assertThat(object(rerun, "ServiceAccount", "old-sa").action()).isEqualTo(Action.PRUNED);
        assertThat(client.serviceAccounts().inNamespace(ns).withName("old-sa").get()).isNull();
        // the dead holder might only have been paused: its kinds stay listed for the grace period
        assertThat(groupKinds()).isEqualTo("ConfigMap,Role.rbac.authorization.k8s.io,ServiceAccount");
        assertThat(sync().totals().changed()).isZero();
        expireDisplacedSyncs(applySet);
        sync();
        assertThat(groupKinds()).isEqualTo("ConfigMap,Role.rbac.authorization.k8s.io");
    }

    /** The first revision, synced: a ConfigMap and the ServiceAccount old-sa, which the next revision drops. */
    private void syncConfigMapAndServiceAccount() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("settings", "a", "1"))
                .write("sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: old-sa\n");
        repo.commit("config map and service account");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
    }

    private String groupKinds() {
        return client.secrets().inNamespace(ns).withName(applySet).get().getMetadata().getAnnotations()
                .get(ApplySetId.GROUP_KINDS_ANNOTATION);
    }
}
