package io.jenkins.plugins.gitopssync.engine.report;

import java.util.Locale;

/**
 * The engine's steps as a result times them ({@link SyncResult#phaseMillis}, the report's "phases"), in the order
 * the report lists them. Not the sync phases of hooks and waves (PreSync, Sync, PostSync).
 */
public enum EnginePhase {
    /** Checking the revision's signatures. */
    VERIFY,
    /** Rendering the source: plain YAML, Kustomize or Helm, decryption and substitution. */
    RENDER,
    /** Discovery and the plan: kinds resolved, objects ordered into waves. */
    PLAN,
    /** A dry run's diff, reading the live state included. */
    DIFF,
    /** Reading the live state and applying the waves' members. */
    APPLY,
    /** Running hooks. */
    HOOKS,
    /** Deleting what left the set. */
    PRUNE,
    /** Widening the ApplySet parent before anything is applied, and recording the inventory after. */
    INVENTORY,
    /** Waiting for health. */
    HEALTH;

    /** "render", "apply": the report's key. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
