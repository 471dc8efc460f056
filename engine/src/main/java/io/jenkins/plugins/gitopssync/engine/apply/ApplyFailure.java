package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;

/** How an object that the API server refused is reported, the same for a sync and a dry run. */
final class ApplyFailure {

    private ApplyFailure() {
    }

    static ObjectOutcome failed(SyncLog log, PlannedObject p, ObjectRecord record, String message) {
        log.warn("failed " + p.ref() + ": " + message);
        return ObjectOutcome.failed(p.ref(), p.source(), message, record);
    }

    /** The message a user can act on, naming the object, its file:line and the API server's reason. */
    static String message(PlannedObject p, ApiException e, boolean force) {
        String msg;
        if (e.isForbidden()) {
            msg = e.permissionMessage() + " (" + p.describe() + ")";
        } else if (e.isImmutableFieldError()) {
            String fields = e.causes().isEmpty() ? e.getMessage() : String.join("; ", e.causes());
            msg = p.describe() + ": cannot change an immutable field: " + fields
                    + (force ? "" : ". Enable force to delete and re-create the object");
        } else {
            msg = p.describe() + ": " + e.getMessage();
        }
        return SecretRedactor.redact(msg, p.desired());
    }
}
