package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.report.Action;

/** Drift: the object changed although its desired state did not change since the last sync. */
final class Drift {

    private Drift() {
    }

    static boolean isDrift(PlannedObject p, ObjectRecord record, Action action) {
        return (action == Action.CONFIGURED || action == Action.CREATED) && record != null
                && p.desiredHash().equals(record.desiredHash());
    }
}
