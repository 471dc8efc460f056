package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.inventory.DesiredSet;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.report.EnginePhase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dry-run and the sync path share: the request, the cluster (fenced by the lease in a sync) as discovered,
 * the inventory, where the sync records what it found ({@link Findings}) and how it runs ({@link Execution}).
 */
record SyncContext(SyncRequest request, KubeApi api, Discovery discovery, ApplySetInventory inventory,
                   Findings findings, Execution execution) {

    SyncLog log() {
        return execution.log();
    }

    /** Tells the phase hook the sync reached {@code point} (one of {@link Progress}). */
    void reached(String point) {
        execution.phaseHook().accept(point);
    }

    static DesiredSet desired(Plan plan) {
        Map<String, String> hashes = new LinkedHashMap<>();
        plan.byKey().forEach((key, p) -> hashes.put(key, p.desiredHash()));
        return new DesiredSet(plan.groupKinds(), plan.namespaces(), hashes);
    }

    /** Reading the live state is the first part of diffing (dry run) or applying (sync): timed as {@code phase}. */
    LiveState read(Plan plan, EnginePhase phase) {
        LiveState live = findings.timer().timed(phase, () -> LiveState.read(inventory, api, discovery, desired(plan),
                execution.pool(), log()));
        reached(Progress.READ);
        return live;
    }
}
