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
    Failed
}
