package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.hooks.HookResults;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetParent;
import io.jenkins.plugins.gitopssync.engine.inventory.DisplacedSync;
import io.jenkins.plugins.gitopssync.engine.inventory.InventoryRecorder;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedHook;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.plan.Step;
import io.jenkins.plugins.gitopssync.engine.prune.Pruner;
import io.jenkins.plugins.gitopssync.engine.report.EnginePhase;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sync after planning, under the lease: widen the parent, run the waves in order (PreSync, Sync, PostSync;
 * each applied and waited healthy before the next), prune in reverse wave order, record the inventory, wait
 * for the last wave's health; when it failed, run the SyncFail hooks. Each step announces itself to the lease
 * and to the phase hook. A set without hooks and waves is one wave, and costs what it cost before waves.
 */
final class SyncPath {

    private final SyncContext ctx;
    private final SyncLease lease;
    private final VerifiedRevision verification;

    SyncPath(SyncContext ctx, SyncLease lease, VerifiedRevision verification) {
        this.ctx = ctx;
        this.lease = lease;
        this.verification = verification;
    }

    void run(Plan plan) {
        SyncRequest request = ctx.request();
        LiveState live = ctx.read(plan, EnginePhase.APPLY);
        boolean firstInstall = !live.parent().hasInventory();
        List<Step> steps = plan.steps(firstInstall);
        List<ObjectRef> stale = request.prune() ? Pruner.candidates(live.byKey(), plan.byKey().keySet()) : List.of();
        ApplySetParent wide = widen(plan, live);
        ctx.reached(Progress.WIDENED);
        for (PlannedHook h : plan.hooksNotRunOn(firstInstall)) {
            HookResult skipped = HookResults.notOn(h, firstInstall);
            ctx.findings().steps().hooks(List.of(skipped));
            ctx.log().info("not running hook " + h.describe() + ": it " + skipped.error());
        }
        StepRunner runner = new StepRunner(ctx, lease, live, secrets(plan));
        boolean applied = runSteps(steps, runner, live);
        ctx.reached(Progress.APPLIED);
        List<ObjectOutcome> pruned = List.of();
        if (applied && request.prune()) {
            pruned = prune(stale, live);
        } else if (!applied && request.prune() && !stale.isEmpty()) {
            ctx.log().warn("prune skipped because the sync failed before it; " + stale.size()
                    + " objects left for the next sync");
        }
        ctx.reached(Progress.PRUNED);
        recordInventory(plan, live, wide, pruned, applied);
        ctx.reached(Progress.RECORDED);
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (applied && request.waitForHealth() && last != null && last.hooks().isEmpty()) {
            runner.waitHealthy(last.objects());
        }
        runFailHooks(plan.failSteps(firstInstall), runner);
        ctx.reached(Progress.FINISHED);
    }

    /**
     * Runs the steps in order and waits for each but the last (which the caller waits for after recording the
     * inventory, unless it has hooks, which are always waited for); false once one failed: the rest do not run.
     */
    private boolean runSteps(List<Step> steps, StepRunner runner, LiveState live) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (steps.size() > 1 || !step.hooks().isEmpty()) {
                ctx.log().info(step.describe());
            }
            boolean last = i == steps.size() - 1;
            if (!runner.run(step, !last || !step.hooks().isEmpty())) {
                for (Step later : steps.subList(i + 1, steps.size())) {
                    notRun(later, step.label(), live);
                }
                return false;
            }
        }
        return true;
    }

    /** A step after a failed one: its members keep their records, its hooks are not created. */
    private void notRun(Step step, String failed, LiveState live) {
        for (PlannedObject p : step.objects()) {
            ctx.findings().outcomes().put(ObjectOutcome.skipped(p.ref(), p.source(), "not applied: " + failed + " failed",
                    live.record(p.ref())));
        }
        ctx.findings().steps().hooks(step.hooks().stream().map(h -> HookResults.planned(h, HookResult.State.NOT_RUN,
                failed + " failed")).toList());
        ctx.findings().steps().wave(new WaveResult(step.phase().word(), step.wave(), step.objects().size(), step.hooks().size(),
                null, 0, WaveResult.NOT_RUN));
    }

    /** When the sync failed, its SyncFail hooks run, wave by wave; otherwise they are listed as not run. */
    private void runFailHooks(List<Step> failSteps, StepRunner runner) {
        if (failSteps.isEmpty()) {
            return;
        }
        boolean failed = !ctx.findings().errors().isEmpty() || ctx.findings().outcomes().all().stream().anyMatch(ObjectOutcome::failed);
        for (Step step : failSteps) {
            if (!failed) {
                ctx.findings().steps().hooks(step.hooks().stream().map(h -> HookResults.planned(h, HookResult.State.NOT_RUN,
                        "runs only when a sync fails")).toList());
            } else if (!runner.run(step, false)) {
                return;
            }
        }
    }

    /** The values of the set's Secrets: a hook's log may print them. */
    private static List<Map<String, Object>> secrets(Plan plan) {
        return plan.objects().stream().filter(p -> p.ref().group().isEmpty() && "Secret".equals(p.ref().kind()))
                .map(PlannedObject::desired).toList();
    }

    /** The parent lists the new kinds and namespaces, and the sync this one displaced, before anything is applied. */
    private ApplySetParent widen(Plan plan, LiveState live) {
        List<DisplacedSync> displacedNow = lease.displaced().map(d -> List.of(DisplacedSync.of(d.holder(),
                d.leaseDuration(), live.parent(), ctx.execution().timing().wall().instant().getEpochSecond()))).orElse(List.of());
        lease.startBatch("recording the new kinds in the inventory");
        return ctx.findings().timer().timed(EnginePhase.INVENTORY, () -> ctx.inventory().widen(live.parent(), plan.groupKinds(),
                plan.namespaces(), displacedNow));
    }

    private List<ObjectOutcome> prune(List<ObjectRef> stale, LiveState live) {
        lease.startBatch("pruning");
        Pruner pruner = new Pruner(ctx.api(), ctx.discovery(), ctx.log(), ctx.execution().pool(), ctx.request().timeout());
        AtomicInteger prunedCount = new AtomicInteger();
        List<ObjectOutcome> pruned = ctx.findings().timer().timed(EnginePhase.PRUNE, () -> pruner.prune(stale, live.byKey(), live.records(),
                () -> ctx.reached(Progress.pruning(prunedCount.incrementAndGet()))));
        ctx.findings().outcomes().putAll(pruned);
        return pruned;
    }

    private void recordInventory(Plan plan, LiveState live, ApplySetParent wide, List<ObjectOutcome> pruned,
                                 boolean applied) {
        lease.startBatch("recording the inventory");
        SyncRequest request = ctx.request();
        InventoryRecorder recorder = new InventoryRecorder(ctx.inventory(), request.source().revision(),
                request.source().path(), verification == null ? null : verification.auditText(), request.origin(),
                ctx.execution().timing().wall());
        ctx.findings().timer().timed(EnginePhase.INVENTORY, () -> recorder.record(wide, SyncContext.desired(plan), live.byKey(),
                ctx.findings().outcomes().records(), Pruner.released(pruned), applied));
    }
}
