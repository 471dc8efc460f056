package io.jenkins.plugins.gitopssync.engine.plan;

/**
 * The phases of a sync, in Argo CD's words: PreSync hooks, then the set's objects (with Sync hooks), then
 * PostSync hooks once everything is healthy; SyncFail hooks only when the sync failed.
 */
public enum SyncPhase {
    PRE_SYNC("PreSync"), SYNC("Sync"), POST_SYNC("PostSync"), SYNC_FAIL("SyncFail");

    private final String word;

    SyncPhase(String word) {
        this.word = word;
    }

    /** "PreSync", "Sync", "PostSync", "SyncFail": as the annotation, the log, the report and the pages say it. */
    public String word() {
        return word;
    }
}
