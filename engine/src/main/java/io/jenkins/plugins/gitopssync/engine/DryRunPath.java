package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.DryRunApplier;
import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.apply.OtherOwner;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.LiveState;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.prune.Pruner;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.util.List;

/** A dry run after planning: every object diffed by a server-side dry run, the prune previewed, nothing written. */
final class DryRunPath {

    private final SyncContext ctx;

    DryRunPath(SyncContext ctx) {
        this.ctx = ctx;
    }

    void run(Plan plan) {
        LiveState live = ctx.read(plan, "diff");
        DryRunApplier differ = new DryRunApplier(ctx.api(), ctx.log(), ctx.request().force());
        ctx.timer().timed("diff", () -> ctx.outcomes().runAll(plan.objects(), p -> OtherOwner.unlessOwnedElsewhere(p,
                live.otherOwner(p.ref()), live.record(p.ref()), ctx.log(),
                () -> differ.diff(p, live.member(p.ref()), live.record(p.ref()))), ctx.pool(), ctx.log()));
        if (ctx.request().prune()) {
            List<ObjectRef> stale = Pruner.candidates(live.byKey(), plan.byKey().keySet());
            Pruner pruner = new Pruner(ctx.api(), ctx.discovery(), ctx.log(), ctx.pool());
            ctx.outcomes().putAll(pruner.preview(stale, live.byKey(), live.records()));
        }
        ctx.outcomes().all().forEach(this::logPreview);
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
