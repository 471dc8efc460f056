package io.jenkins.plugins.gitopssync.engine.report;

/** Overall outcome, as shown in the report and the badge. */
public enum SyncStatus {
    /** The cluster matches Git (after a sync, or found so by a dry run). */
    Synced,
    /** Objects drifted from what was last applied (found by a dry run or a status check). */
    Drift,
    /** Git has changes not yet applied (dry run only), and nothing drifted. */
    OutOfSync,
    /** At least one object or phase failed. */
    Failed;

    /**
     * The final status of a sync or dry run: Failed on any error or failed object; else a sync is Synced,
     * and a dry run says whether objects drifted, Git has changes to apply, or neither.
     */
    public static SyncStatus of(boolean errors, Totals totals, boolean dryRun) {
        if (errors || totals.failed() > 0) {
            return Failed;
        }
        if (!dryRun) {
            return Synced;
        }
        if (totals.drifted() > 0) {
            return Drift;
        }
        return totals.changed() > 0 ? OutOfSync : Synced;
    }
}
