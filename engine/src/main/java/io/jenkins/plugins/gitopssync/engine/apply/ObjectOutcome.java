package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;

/**
 * One object's result, and the inventory record to keep for it (null: none). Made by the factories below,
 * one per kind of outcome, so no caller passes a row of positional flags and nulls.
 */
public record ObjectOutcome(ObjectRef ref, ObjectResult result, ObjectRecord record) {

    public Action action() {
        return result.action();
    }

    public boolean failed() {
        return result.action() == Action.FAILED;
    }

    /** Applied, or would be in a dry run: created, configured or (in a dry run) what the server would do. */
    public static ObjectOutcome changed(ObjectRef ref, Action action, boolean drift, String diff, String source,
                                        ObjectRecord record) {
        return new ObjectOutcome(ref, result(ref, action, drift, diff, null, source), record);
    }

    public static ObjectOutcome unchanged(ObjectRef ref, String source, ObjectRecord record) {
        return new ObjectOutcome(ref, result(ref, Action.UNCHANGED, false, "", null, source), record);
    }

    public static ObjectOutcome failed(ObjectRef ref, String source, String error, ObjectRecord record) {
        return new ObjectOutcome(ref, result(ref, Action.FAILED, false, "", error, source), record);
    }

    /** Left alone on purpose (a failed stage before it, an opt-out annotation): {@code reason} says why. */
    public static ObjectOutcome skipped(ObjectRef ref, String source, String reason, ObjectRecord record) {
        return new ObjectOutcome(ref, result(ref, Action.SKIPPED, false, "", reason, source), record);
    }

    /** Deleted (or, in a dry run, to be): no record is kept for it. */
    public static ObjectOutcome pruned(ObjectRef ref, String diff) {
        return new ObjectOutcome(ref, result(ref, Action.PRUNED, false, diff, null, null), null);
    }

    /**
     * What a status check reports of a drifted member: the action a sync would take (create it again, or configure
     * it), without a diff (there is no source to diff against).
     */
    public static ObjectResult drifted(ObjectRef ref, Action wouldBe) {
        return result(ref, wouldBe, true, "", null, null);
    }

    private static ObjectResult result(ObjectRef ref, Action action, boolean drift, String diff, String error,
                                       String source) {
        return new ObjectResult(ref.group(), ref.version(), ref.kind(), ref.namespace(), ref.name(), action, drift,
                diff == null ? "" : diff, error, source, null);
    }
}
