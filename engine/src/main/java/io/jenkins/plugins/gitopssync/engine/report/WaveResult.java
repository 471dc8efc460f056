package io.jenkins.plugins.gitopssync.engine.report;

import java.io.Serializable;

/**
 * One wave of one phase as it ran, or in a dry run as it would: how many of the set's objects and hooks it
 * had, when it started (ISO-8601, UTC; null in a dry run), how long it took, and its outcome: "synced",
 * "failed", "not run" (an earlier wave failed), or in a dry run "planned" and, for SyncFail hooks,
 * "if the sync fails".
 */
public record WaveResult(String phase, int wave, int objects, int hooks, String startedAt, long durationMs,
                         String outcome) implements Serializable {

    public static final String SYNCED = "synced";
    public static final String FAILED = "failed";
    public static final String NOT_RUN = "not run";
    public static final String PLANNED = "planned";
    public static final String IF_FAILED = "if the sync fails";

    /** "PreSync wave 0". */
    public String label() {
        return phase + " wave " + wave;
    }
}
