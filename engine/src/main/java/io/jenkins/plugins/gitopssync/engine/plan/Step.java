package io.jenkins.plugins.gitopssync.engine.plan;

import java.util.List;

/**
 * One wave of one phase: the members to apply and the hooks to run in it, each in kind order. A sync
 * applies a step and waits until it is healthy before it starts the next.
 */
public record Step(SyncPhase phase, int wave, List<PlannedObject> objects, List<PlannedHook> hooks) {

    public Step {
        objects = List.copyOf(objects);
        hooks = List.copyOf(hooks);
    }

    /** Its members as a plan of their own, staged by kind. */
    public Plan members() {
        return new Plan(objects);
    }

    /** "PreSync wave 0". */
    public String label() {
        return phase.word() + " wave " + wave;
    }

    /** "Sync wave -1: 2 objects, 1 hook", for the log. */
    public String describe() {
        String members = objects.isEmpty() ? "" : objects.size() + (objects.size() == 1 ? " object" : " objects");
        String ofHooks = hooks.isEmpty() ? "" : hooks.size() + (hooks.size() == 1 ? " hook" : " hooks");
        return label() + ": " + members + (members.isEmpty() || ofHooks.isEmpty() ? "" : ", ") + ofHooks;
    }
}
