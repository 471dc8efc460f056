package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.Verdict;

/**
 * Exit codes, as flux diff and argocd app diff use them: 0 nothing to do, 1 differences, 2 error. What counts as
 * which is the engine's {@link Verdict}: a sync that applied (correcting drift included) exits 0, a dry run or a
 * status that leaves differences (drift, or changes waiting in Git) exits 1.
 */
final class ExitCodes {

    static final int OK = 0;
    static final int DIFFERENCES = 1;
    static final int ERROR = 2;

    private ExitCodes() {
    }

    static int of(Verdict verdict) {
        if (verdict == Verdict.FAILED) {
            return ERROR;
        }
        return verdict.leavesDifferences() ? DIFFERENCES : OK;
    }

    /** diff, sync and sync --dry-run. */
    static int of(SyncResult result) {
        return of(Verdict.of(result));
    }

    /** status: an ApplySet that does not exist is an error. */
    static int of(InventoryStatus status) {
        return status.exists() ? of(Verdict.of(status)) : ERROR;
    }
}
