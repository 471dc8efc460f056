package io.jenkins.plugins.gitopssync.engine.hooks;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedHook;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;

/** A hook's line in the result, from its plan and what became of it. */
public final class HookResults {

    private HookResults() {
    }

    /** Before it was created: its name still to be generated ends with "*". */
    public static HookResult planned(PlannedHook h, HookResult.State state, String why) {
        return of(h, h.ref().name() + (h.generated() ? "*" : ""), state, why, false);
    }

    /** A hook Helm runs on the other occasion: a first install (no inventory yet) or an upgrade. */
    public static HookResult notOn(PlannedHook h, boolean firstInstall) {
        String why = firstInstall
                ? "runs on an upgrade only, and the ApplySet has no inventory yet (a first install)"
                : "runs on a first install only, and the ApplySet has an inventory (an upgrade)";
        return planned(h, HookResult.State.SKIPPED, why);
    }

    static HookResult of(PlannedHook h, String name, HookResult.State state, String error, boolean deleted) {
        ObjectRef ref = h.ref();
        return new HookResult(h.phase().word(), h.wave(), ref.group(), ref.version(), ref.kind(), ref.namespace(), name,
                h.source(), state, error, deleted);
    }
}
