package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.Applier;
import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.apply.OtherOwner;
import io.jenkins.plugins.gitopssync.engine.apply.StagedApply;
import io.jenkins.plugins.gitopssync.engine.health.HealthChecker;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetParent;
import io.jenkins.plugins.gitopssync.engine.inventory.DisplacedSync;
import io.jenkins.plugins.gitopssync.engine.inventory.InventoryRecorder;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.prune.Pruner;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sync after planning, under the lease: widen the parent, apply stage by stage, prune, record the
 * inventory, wait for health. Each step announces itself to the lease and to the phase hook.
 */
final class SyncPath {

    private final SyncContext ctx;
    private final SyncLease lease;
    private final VerifiedRevision verification;
    /** Objects applied so far (for the phase hook). */
    private final AtomicInteger appliedCount = new AtomicInteger();

    SyncPath(SyncContext ctx, SyncLease lease, VerifiedRevision verification) {
        this.ctx = ctx;
        this.lease = lease;
        this.verification = verification;
    }

    void run(Plan plan) {
        SyncRequest request = ctx.request();
        LiveState live = ctx.read(plan, "apply");
        List<ObjectRef> stale = request.prune() ? Pruner.candidates(live.byKey(), plan.byKey().keySet()) : List.of();
        ApplySetParent wide = widen(plan, live);
        ctx.phaseHook().accept("widened");
        boolean applied = ctx.timer().timed("apply", () -> applyStages(plan, live));
        ctx.phaseHook().accept("applied");
        List<ObjectOutcome> pruned = List.of();
        if (applied && request.prune()) {
            pruned = prune(stale, live);
        } else if (!applied && request.prune() && !stale.isEmpty()) {
            ctx.log().warn("prune skipped because objects failed to apply; " + stale.size()
                    + " objects left for the next sync");
        }
        ctx.phaseHook().accept("pruned");
        recordInventory(plan, live, wide, pruned, applied);
        ctx.phaseHook().accept("finished");
        if (applied && request.waitForHealth()) {
            ctx.timer().timed("health", () -> waitForHealth(plan));
        }
    }

    /** The parent lists the new kinds and namespaces, and the sync this one displaced, before anything is applied. */
    private ApplySetParent widen(Plan plan, LiveState live) {
        List<DisplacedSync> displacedNow = lease.displaced().map(d -> List.of(DisplacedSync.of(d.holder(),
                d.leaseDuration(), live.parent(), ctx.timing().wall().instant().getEpochSecond()))).orElse(List.of());
        lease.startBatch("recording the new kinds in the inventory");
        return ctx.timer().timed("apply", () -> ctx.inventory().widen(live.parent(), plan.groupKinds(),
                plan.namespaces(), displacedNow));
    }

    /** True when every stage applied; a failed CRD wait is also an error of the sync. */
    private boolean applyStages(Plan plan, LiveState live) {
        SyncRequest request = ctx.request();
        Applier applier = new Applier(ctx.api(), ctx.log(), request.force(), request.timeout(), ctx.inventory().id());
        StagedApply.Result result = new StagedApply(ctx.api(), ctx.inventory().id(), request.timeout(), ctx.log(),
                ctx.pool()).apply(plan, p -> {
                    ObjectOutcome o = OtherOwner.unlessOwnedElsewhere(p, live.otherOwner(p.ref()), live.record(p.ref()),
                            ctx.log(), () -> applier.apply(p, live.member(p.ref()), live.record(p.ref())));
                    ctx.phaseHook().accept("applying:" + appliedCount.incrementAndGet());
                    return o;
                }, live.records(), ctx.outcomes(), lease::startBatch);
        if (result.error() != null) {
            ctx.errors().add(result.error());
        }
        return result.applied();
    }

    private List<ObjectOutcome> prune(List<ObjectRef> stale, LiveState live) {
        lease.startBatch("pruning");
        Pruner pruner = new Pruner(ctx.api(), ctx.discovery(), ctx.log(), ctx.pool());
        AtomicInteger prunedCount = new AtomicInteger();
        List<ObjectOutcome> pruned = ctx.timer().timed("prune", () -> pruner.prune(stale, live.byKey(), live.records(),
                () -> ctx.phaseHook().accept("pruning:" + prunedCount.incrementAndGet())));
        ctx.outcomes().putAll(pruned);
        return pruned;
    }

    private void recordInventory(Plan plan, LiveState live, ApplySetParent wide, List<ObjectOutcome> pruned,
                                 boolean applied) {
        lease.startBatch("recording the inventory");
        SyncRequest request = ctx.request();
        InventoryRecorder recorder = new InventoryRecorder(ctx.inventory(), request.source().revision(),
                request.source().path(), verification == null ? null : verification.auditText(), request.origin(),
                ctx.timing().wall());
        ctx.timer().timed("prune", () -> recorder.record(wide, SyncContext.desired(plan), live.byKey(),
                ctx.outcomes().records(), Pruner.released(pruned), applied));
    }

    private void waitForHealth(Plan plan) {
        List<PlannedObject> check = plan.objects().stream()
                .filter(p -> {
                    ObjectOutcome o = ctx.outcomes().get(p.ref());
                    return o != null && o.action() != Action.FAILED && o.action() != Action.SKIPPED;
                }).toList();
        ctx.log().info("waiting up to " + ctx.request().timeout().toSeconds() + "s for " + check.size()
                + " objects to be healthy");
        HealthChecker.Outcome h = new HealthChecker(ctx.api(), ctx.inventory().id(), ctx.log(), ctx.timing().healthPoll())
                .waitFor(check, ctx.request().timeout());
        h.byKey().forEach((k, s) -> ctx.outcomes().setHealth(k, s.display()));
        if (h.error() != null) {
            ctx.errors().add(h.error());
        }
    }
}
