package io.jenkins.plugins.gitopssync.engine.report;

import java.util.Collection;
import java.util.Comparator;

/**
 * What the result of a sync, a dry run or a status check means: the one rule behind the CLI's exit code, the
 * plugin's build result and both badges. The constants are in order of concern, the worst first.
 *
 * <p>Decided for a dry run that finds only changes in Git ({@link #CHANGES_PENDING}): the CLI exits 1, as
 * {@code diff}, {@code kubectl diff} and {@code flux diff} do, so a script can ask "is there anything to deploy?";
 * the build stays SUCCESS, because a build result says whether something is wrong, and changes waiting in Git are
 * what a preview (the dry run of a pull request) is there to find. The badge says "out of sync". Drift is another
 * matter: someone changed the cluster behind Git's back, so a dry run that finds it leaves the build UNSTABLE, and
 * a sync that corrects it still shows "drift N" on the badge (and fails with failOnDrift) until someone looks.
 */
public enum Verdict {
    /** An error, or an object that failed. */
    FAILED,
    /** Objects drifted from what was last applied and still are: found by a dry run or a status check. */
    DRIFTED,
    /** Objects had drifted and this sync put them back. */
    DRIFT_CORRECTED,
    /** A dry run found changes in Git not applied yet, and no drift. */
    CHANGES_PENDING,
    /** Nothing to do. */
    IN_SYNC;

    /** How a build takes a verdict. */
    public enum Severity { OK, WARNING, ERROR }

    public static Verdict of(SyncStatus status, int failedObjects, int driftedObjects, boolean dryRun) {
        if (status == SyncStatus.Failed || failedObjects > 0) {
            return FAILED;
        }
        if (driftedObjects > 0) {
            return dryRun ? DRIFTED : DRIFT_CORRECTED;
        }
        return status == SyncStatus.OutOfSync ? CHANGES_PENDING : IN_SYNC;
    }

    public static Verdict of(SyncResult result) {
        return of(result.status(), result.totals().failed(), result.totals().drifted(), result.dryRun());
    }

    /** A status check of an existing ApplySet: the drift it found is still there. */
    public static Verdict of(InventoryStatus status) {
        return status.drifted().isEmpty() ? IN_SYNC : DRIFTED;
    }

    /** The verdict of several syncs (one build's calls): the worst of them; none is in sync. */
    public static Verdict worst(Collection<Verdict> verdicts) {
        return verdicts.stream().min(Comparator.naturalOrder()).orElse(IN_SYNC);
    }

    /** Whether the cluster still differs from Git after the run: the CLI's exit code 1 ("differences"). */
    public boolean leavesDifferences() {
        return this == DRIFTED || this == CHANGES_PENDING;
    }

    /** Whether drift was found, corrected or not. */
    public boolean foundDrift() {
        return this == DRIFTED || this == DRIFT_CORRECTED;
    }

    /**
     * The build result: ERROR for a failure, and for any drift when {@code failOnDrift}; WARNING for drift a dry
     * run found; OK otherwise, changes pending in Git included.
     */
    public Severity severity(boolean failOnDrift) {
        return switch (this) {
            case FAILED -> Severity.ERROR;
            case DRIFTED -> failOnDrift ? Severity.ERROR : Severity.WARNING;
            case DRIFT_CORRECTED -> failOnDrift ? Severity.ERROR : Severity.OK;
            case CHANGES_PENDING, IN_SYNC -> Severity.OK;
        };
    }

    /** The badge's status: failed, drift (found or corrected), out of sync, synced. */
    public SyncStatus badge() {
        return switch (this) {
            case FAILED -> SyncStatus.Failed;
            case DRIFTED, DRIFT_CORRECTED -> SyncStatus.Drift;
            case CHANGES_PENDING -> SyncStatus.OutOfSync;
            case IN_SYNC -> SyncStatus.Synced;
        };
    }
}
