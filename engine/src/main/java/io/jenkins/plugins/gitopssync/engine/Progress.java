package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.plan.SyncPhase;

/**
 * The points a sync reports to {@link GitOpsSync#setPhaseHook}, in order: {@link #LEASED}, {@link #READ},
 * {@link #WIDENED}, then per wave {@link #wave} (it starts: the waves before it are done) and {@link #applying}
 * (from the worker threads), then {@link #APPLIED}, {@link #pruning}, {@link #PRUNED}, {@link #RECORDED}, the health
 * wait of the last wave and the SyncFail hooks ({@link #wave} again), and {@link #FINISHED}. A dry run reports
 * {@link #LEASED} (it takes no lease: nothing read yet) and {@link #READ}.
 */
public final class Progress {

    /** The lease is taken; nothing is read yet. */
    public static final String LEASED = "leased";
    /** The parent and the members are read. */
    public static final String READ = "read";
    /** The parent lists the new kinds and namespaces; nothing is applied yet. */
    public static final String WIDENED = "widened";
    /** Every wave is applied (or one failed). */
    public static final String APPLIED = "applied";
    /** The prune is done (or skipped); the inventory is not recorded yet. */
    public static final String PRUNED = "pruned";
    /** The inventory is recorded; the last wave's health wait comes next. */
    public static final String RECORDED = "recorded";
    /** Nothing more happens: health waited for, SyncFail hooks run. */
    public static final String FINISHED = "finished";

    private Progress() {
    }

    /** "wave:Sync:0": the wave starts. */
    public static String wave(SyncPhase phase, int wave) {
        return "wave:" + phase.word() + ":" + wave;
    }

    /** "applying:N": N objects applied so far. */
    public static String applying(int applied) {
        return "applying:" + applied;
    }

    /** "pruning:N": N objects pruned so far. */
    public static String pruning(int pruned) {
        return "pruning:" + pruned;
    }
}
