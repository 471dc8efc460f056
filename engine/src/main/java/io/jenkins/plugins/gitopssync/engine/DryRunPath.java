package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.DryRunApplier;
import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.apply.OtherOwner;
import io.jenkins.plugins.gitopssync.engine.hooks.HookResults;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedHook;
import io.jenkins.plugins.gitopssync.engine.plan.Step;
import io.jenkins.plugins.gitopssync.engine.prune.Pruner;
import io.jenkins.plugins.gitopssync.engine.report.EnginePhase;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import java.util.List;

/**
 * A dry run after planning: every object diffed by a server-side dry run, the prune previewed, the waves and
 * the hooks a sync would run listed per phase, nothing written.
 */
final class DryRunPath {

    private final SyncContext ctx;

    DryRunPath(SyncContext ctx) {
        this.ctx = ctx;
    }

    void run(Plan plan) {
        LiveState live = ctx.read(plan, EnginePhase.DIFF);
        DryRunApplier differ = new DryRunApplier(ctx.api(), ctx.log(), ctx.request().force());
        ctx.findings().timer().timed(EnginePhase.DIFF, () -> ctx.findings().outcomes().runAll(plan.objects(), p -> OtherOwner.unlessOwnedElsewhere(p,
                live.otherOwner(p.ref()), live.record(p.ref()), ctx.log(),
                () -> differ.diff(p, live.member(p.ref()), live.record(p.ref()))), ctx.execution().pool(), ctx.log()));
        if (ctx.request().prune()) {
            List<ObjectRef> stale = Pruner.candidates(live.byKey(), plan.byKey().keySet());
            Pruner pruner = new Pruner(ctx.api(), ctx.discovery(), ctx.log(), ctx.execution().pool(), ctx.request().timeout());
            ctx.findings().outcomes().putAll(pruner.preview(stale, live.byKey(), live.records()));
        }
        ctx.findings().outcomes().all().forEach(this::logPreview);
        previewSteps(plan, !live.parent().hasInventory());
    }

    /** The waves a sync would run, each with the hooks it would create; the SyncFail ones only if it failed. */
    private void previewSteps(Plan plan, boolean firstInstall) {
        boolean announce = !plan.isOneStep();
        for (Step step : plan.steps(firstInstall)) {
            preview(step, WaveResult.PLANNED, null, announce);
        }
        for (Step step : plan.failSteps(firstInstall)) {
            preview(step, WaveResult.IF_FAILED, "runs only if the sync fails", announce);
        }
        for (PlannedHook h : plan.hooksNotRunOn(firstInstall)) {
            HookResult skipped = HookResults.notOn(h, firstInstall);
            ctx.findings().steps().hooks(List.of(skipped));
            ctx.log().info("would not run hook " + h.describe() + ": it " + skipped.error());
        }
    }

    private void preview(Step step, String outcome, String note, boolean announce) {
        ctx.findings().steps().wave(new WaveResult(step.phase().word(), step.wave(), step.objects().size(), step.hooks().size(),
                null, 0, outcome));
        ctx.findings().steps().hooks(step.hooks().stream().map(h -> HookResults.planned(h, HookResult.State.WOULD_RUN, note))
                .toList());
        if (announce) {
            ctx.log().info(step.describe() + (note == null ? "" : " (" + note + ")"));
            step.hooks().forEach(h -> ctx.log().info("would run hook " + h.describe()));
        }
    }

    private void logPreview(ObjectOutcome o) {
        Action a = o.action();
        if (a == Action.UNCHANGED) {
            return;
        }
        String verb = switch (a) {
            case CREATED -> "would create";
            case CONFIGURED -> "would configure";
            case PRUNED -> "would prune";
            case SKIPPED -> "would keep";
            default -> "failed";
        };
        ctx.log().info(verb + " " + o.ref() + (o.result().drift() ? " (drift)" : ""));
    }
}
