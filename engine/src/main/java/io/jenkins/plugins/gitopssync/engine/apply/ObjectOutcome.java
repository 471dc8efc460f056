package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;

/** One object's result, and the inventory record to keep for it (null: none). */
public record ObjectOutcome(ObjectRef ref, ObjectResult result, ObjectRecord record) {

    public Action action() {
        return result.action();
    }

    public boolean failed() {
        return result.action() == Action.FAILED;
    }

    public static ObjectResult result(ObjectRef ref, Action action, boolean drift, String diff, String error,
                                      String source) {
        return new ObjectResult(ref.group(), ref.version(), ref.kind(), ref.namespace(), ref.name(), action, drift,
                diff == null ? "" : diff, error, source, null);
    }
}
