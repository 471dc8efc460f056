package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.jenkins.plugins.gitopssync.engine.Progress;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One sync at a time per ApplySet: a second one fails at once naming the holder; an expired lease is taken
 * over; a sync that stalled past its lease (by either clock) asks the server before its next write, and
 * stops there when another sync took the lease meanwhile.
 */
class LeaseClusterTest extends ClusterTestBase {

    @Test
    void concurrentSyncIsBlockedNamingTheHolder() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("settings", "a", "1"));
        repo.commit("one");
        AtomicReference<SyncResult> second = new AtomicReference<>();
        AtomicReference<String> holderDuringFirst = new AtomicReference<>();
        engine.setPhaseHook(phase -> {
            if (!phase.equals(Progress.APPLIED)) {
                return;
            }
            // while the first sync holds the lease, a second engine (another build) tries the same ApplySet
            Lease lease = client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet)).get();
            holderDuringFirst.set(lease.getSpec().getHolderIdentity());
            try (ClusterAccess other = admin()) {
                second.set(new GitOpsSync(other, new RecordingLog()).sync(request(".").build()));
            }
        });
        SyncResult first = sync();
        assertThat(first.status()).isEqualTo(SyncStatus.Synced);
        assertThat(second.get().status()).isEqualTo(SyncStatus.Failed);
        assertThat(second.get().errors()).singleElement().asString()
                .contains("sync of ApplySet " + ns + "/" + applySet + " is already running")
                .contains("held by " + holderDuringFirst.get() + " since ");
        assertThat(holderDuringFirst.get()).contains("/pid-" + ProcessHandle.current().pid() + "/");
        // released at the end
        assertThat(client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet)).get()).isNull();
    }

    @Test
    void leaseOfAnotherHostBlocksUntilItExpires() throws Exception {
        repo.write("cm.yaml", Manifests.configMap("settings", "a", "1"));
        repo.commit("one");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        client.leases().inNamespace(ns).resource(new LeaseBuilder().withNewMetadata()
                .withName(SyncLease.leaseName(applySet)).endMetadata().withNewSpec()
                .withHolderIdentity("jenkins-agent-7/pid-4242/abcd").withLeaseDurationSeconds(60)
                .withAcquireTime(now).withRenewTime(now).endSpec().build()).create();
        SyncResult blocked = sync();
        assertThat(blocked.status()).isEqualTo(SyncStatus.Failed);
        assertThat(blocked.errors()).singleElement().asString().contains("already running (held by jenkins-agent-7/pid-4242/abcd")
                .contains("expires " + now.plusSeconds(60).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString().replace("Z", ""))
                .contains("If that sync died (killed, its agent lost), its lease expires then and the next sync takes it over");
        assertThat(blocked.objects()).isEmpty();
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNull();
        // a dry run does not need the lease
        assertThat(sync(b -> b.dryRun(true)).status()).isEqualTo(SyncStatus.OutOfSync);

        // the holder died: its lease expired 5 minutes ago, so it is taken over
        client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet)).edit(l -> {
            l.getSpec().setRenewTime(now.minusMinutes(5));
            return l;
        });
        SyncResult takenOver = sync();
        assertThat(takenOver.status()).isEqualTo(SyncStatus.Synced);
        assertThat(takenOver.warnings()).anyMatch(w -> w.contains("taking over the expired lease")
                && w.contains("jenkins-agent-7/pid-4242/abcd"));
        assertThat(client.configMaps().inNamespace(ns).withName("settings").get()).isNotNull();
    }

    @Test
    void aSyncThatLostItsLeaseStopsBeforePruning() throws Exception {
        repo.write("a.yaml", Manifests.configMap("a", "k", "1")).write("b.yaml", Manifests.configMap("b", "k", "1"));
        repo.commit("a and b");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
        repo.delete("b.yaml");
        repo.commit("b removed");
        engine.setPhaseHook(phase -> {
            if (phase.equals(Progress.APPLIED)) {
                // someone deletes the lease: the prune's first write confirms the lease first, and finds it gone
                client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet)).delete();
            }
        });
        SyncResult r = sync();
        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        assertThat(r.errors()).singleElement().asString().contains("lost the lease").contains("stopped before pruning");
        assertThat(client.configMaps().inNamespace(ns).withName("b").get()).isNotNull();
    }

    /**
     * The stall, without waiting for it: mid-stage, another sync takes the lease over (a write to the Lease,
     * so this sync's next renewal conflicts) and one of this sync's clocks jumps by the lease's duration.
     * The next write is not a batch's first, so only the clock tells the fence to ask the server. With
     * neither clock moved (the control), the sync keeps writing that stage and stops at the next batch.
     */
    @ParameterizedTest(name = "clock moved: {0}")
    @ValueSource(strings = {"monotonic", "wall", "none"})
    void aSyncThatStalledPastItsLeaseStopsAtItsNextWrite(String moved) throws Exception {
        for (int i = 0; i < 6; i++) {
            repo.write("cm-" + i + ".yaml", Manifests.configMap("cm-" + i, "k", "1"));
        }
        repo.commit("six config maps, one apply stage");
        MovableClocks clocks = new MovableClocks();
        engine.setTiming(clocks.timing());
        Duration lease = Duration.ofSeconds(60);
        engine.setPhaseHook(phase -> {
            if (!phase.equals(Progress.applying(2))) {
                return;
            }
            client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet)).edit(l -> {
                l.getSpec().setHolderIdentity("the-next-sync/pid-1/abcd");
                return l;
            });
            switch (moved) {
                case "monotonic" -> clocks.moveMonotonic(lease);
                case "wall" -> clocks.moveWall(lease);
                default -> { }
            }
        });
        SyncResult r = sync(b -> b.concurrency(1).leaseDuration(lease));

        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        long created = r.objects().stream().filter(o -> o.action() == Action.CREATED).count();
        if (moved.equals("none")) {
            assertThat(r.errors()).singleElement().asString().contains("lost the lease").contains("(another sync took it over)")
                    .contains("stopped before recording the inventory");
            assertThat(created).as("the stage's writes went on: the clock said the lease was fresh").isEqualTo(6);
        } else {
            assertThat(r.errors()).singleElement().asString().contains("lost the lease").contains("(another sync took it over)")
                    .contains("stopped before applying stage 1/1");
            assertThat(created).as("nothing written after the stall").isEqualTo(2);
            assertThat(client.configMaps().inNamespace(ns).withName("cm-5").get()).isNull();
        }
        // not ours any more: left to the sync that took it over
        assertThat(client.leases().inNamespace(ns).withName(SyncLease.leaseName(applySet)).get().getSpec()
                .getHolderIdentity()).isEqualTo("the-next-sync/pid-1/abcd");
    }
}
