package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;

/** Exit codes, as flux diff and argocd app diff use them: 0 nothing to do, 1 differences, 2 error. */
final class ExitCodes {

    static final int OK = 0;
    static final int DIFFERENCES = 1;
    static final int ERROR = 2;

    private ExitCodes() {
    }

    /** diff, and sync --dry-run. */
    static int forDiff(SyncResult result) {
        if (result.status() == SyncStatus.Failed) {
            return ERROR;
        }
        boolean differs = result.totals().changed() > 0 || result.totals().drifted() > 0
                || result.status() == SyncStatus.Drift || result.status() == SyncStatus.OutOfSync;
        return differs ? DIFFERENCES : OK;
    }

    /** sync: 0 when applied (drift found is corrected, so not an error), 2 when anything failed. */
    static int forSync(SyncResult result) {
        if (result.dryRun()) {
            return forDiff(result);
        }
        return result.status() == SyncStatus.Failed ? ERROR : OK;
    }

    /** status: 0 synced, 1 drift, 2 no inventory. */
    static int forStatus(InventoryStatus status) {
        if (!status.exists()) {
            return ERROR;
        }
        return status.drifted().isEmpty() ? OK : DIFFERENCES;
    }
}
