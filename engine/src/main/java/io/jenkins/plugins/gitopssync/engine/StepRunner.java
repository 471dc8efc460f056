package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.Applier;
import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.apply.OtherOwner;
import io.jenkins.plugins.gitopssync.engine.apply.StagedApply;
import io.jenkins.plugins.gitopssync.engine.health.HealthChecker;
import io.jenkins.plugins.gitopssync.engine.hooks.HookRunner;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.plan.Step;
import io.jenkins.plugins.gitopssync.engine.report.EnginePhase;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One wave of a sync: its members applied stage by stage, then its hooks run, then its members waited
 * healthy (unless the caller waits for them later); recorded with when it started and how long it took.
 */
final class StepRunner {

    private final SyncContext ctx;
    private final SyncLease lease;
    private final LiveState live;
    private final Applier applier;
    private final HookRunner hooks;
    /** Objects applied so far (for the phase hook). */
    private final AtomicInteger appliedCount = new AtomicInteger();

    /** @param secrets the set's Secrets, masked in hook failure messages */
    StepRunner(SyncContext ctx, SyncLease lease, LiveState live, List<Map<String, Object>> secrets) {
        this.ctx = ctx;
        this.lease = lease;
        this.live = live;
        SyncRequest request = ctx.request();
        this.applier = new Applier(ctx.api(), ctx.log(), request.force(), request.timeout(), ctx.inventory().id());
        this.hooks = new HookRunner(ctx.api(), ctx.inventory().id(), ctx.log(), request.timeout(),
                ctx.execution().timing().healthPoll(), secrets);
    }

    /** True when the wave applied, its hooks succeeded and (with {@code waitMembers}) its members are healthy. */
    boolean run(Step step, boolean waitMembers) {
        long t0 = System.nanoTime();
        String startedAt = ctx.execution().timing().wall().instant().toString();
        ctx.reached(Progress.wave(step.phase(), step.wave()));
        boolean ok = applyMembers(step) && runHooks(step) && (!waitMembers || waitHealthy(step.objects()));
        ctx.findings().steps().wave(new WaveResult(step.phase().word(), step.wave(), step.objects().size(), step.hooks().size(),
                startedAt, (System.nanoTime() - t0) / 1_000_000, ok ? WaveResult.SYNCED : WaveResult.FAILED));
        return ok;
    }

    /** True when every stage applied; a failed CRD wait is also an error of the sync. */
    private boolean applyMembers(Step step) {
        if (step.objects().isEmpty()) {
            return true;
        }
        StagedApply.Result result = ctx.findings().timer().timed(EnginePhase.APPLY, () -> new StagedApply(ctx.api(), ctx.inventory().id(),
                ctx.request().timeout(), ctx.log(), ctx.execution().pool()).apply(step.members(), p -> {
                    ObjectOutcome o = OtherOwner.unlessOwnedElsewhere(p, live.otherOwner(p.ref()), live.record(p.ref()),
                            ctx.log(), () -> applier.apply(p, live.member(p.ref()), live.record(p.ref())));
                    ctx.reached(Progress.applying(appliedCount.incrementAndGet()));
                    return o;
                }, live.records(), ctx.findings().outcomes(), lease::startBatch));
        if (result.error() != null) {
            ctx.findings().errors().add(result.error());
        }
        return result.applied();
    }

    private boolean runHooks(Step step) {
        if (step.hooks().isEmpty()) {
            return true;
        }
        lease.startBatch("running the hooks of " + step.label());
        HookRunner.Result result = ctx.findings().timer().timed(EnginePhase.HOOKS, () -> hooks.run(step.hooks()));
        ctx.findings().steps().hooks(result.results());
        if (result.error() != null) {
            ctx.findings().errors().add(result.error());
        }
        return result.error() == null;
    }

    /** Waits until the members that applied are healthy; their health goes into the result. */
    boolean waitHealthy(List<PlannedObject> objects) {
        List<PlannedObject> check = objects.stream().filter(p -> {
            ObjectOutcome o = ctx.findings().outcomes().get(p.ref());
            return o != null && o.action() != Action.FAILED && o.action() != Action.SKIPPED;
        }).toList();
        if (check.isEmpty()) {
            return true;
        }
        ctx.log().info("waiting up to " + ctx.request().timeout().toSeconds() + "s for " + check.size()
                + " objects to be healthy");
        HealthChecker.Outcome h = ctx.findings().timer().timed(EnginePhase.HEALTH, () -> HealthChecker.ofMembers(ctx.api(),
                ctx.inventory().id(), ctx.log(), ctx.execution().timing().healthPoll()).waitFor(check, ctx.request().timeout()));
        h.byKey().forEach((k, s) -> ctx.findings().outcomes().setHealth(k, s.display()));
        if (h.error() != null) {
            ctx.findings().errors().add(h.error());
        }
        return h.error() == null;
    }
}
