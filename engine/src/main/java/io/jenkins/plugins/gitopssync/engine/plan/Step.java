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
}
