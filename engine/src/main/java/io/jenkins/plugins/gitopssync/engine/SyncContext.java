package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.Outcomes;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.inventory.DesiredSet;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.time.Timing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * What the dry-run and the sync path share: the request, the cluster (fenced by the lease in a sync), the
 * inventory, the workers, the log and phase timer, the clocks, and where outcomes, waves, hooks and errors
 * are recorded.
 */
record SyncContext(SyncRequest request, KubeApi api, Discovery discovery, ApplySetInventory inventory,
                   ExecutorService pool, SyncLog log, PhaseTimer timer, Consumer<String> phaseHook, Outcomes outcomes,
                   StepRecords steps, List<String> errors, Timing timing) {

    static DesiredSet desired(Plan plan) {
        Map<String, String> hashes = new LinkedHashMap<>();
        plan.byKey().forEach((key, p) -> hashes.put(key, p.desiredHash()));
        return new DesiredSet(plan.groupKinds(), plan.namespaces(), hashes);
    }

    /** Reading the live state is the first part of diffing (dry run) or applying (sync): timed as {@code phase}. */
    LiveState read(Plan plan, String phase) {
        LiveState live = timer.timed(phase, () -> LiveState.read(inventory, api, discovery, desired(plan), pool, log));
        phaseHook.accept("read");
        return live;
    }
}
