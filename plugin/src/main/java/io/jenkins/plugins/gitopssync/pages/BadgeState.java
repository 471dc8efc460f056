package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Verdict;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The combined state of a build's syncs, for the build badge, the job page and the SVG badge: the badge of the worst
 * of their verdicts (the engine's rule, {@link Verdict}): failed if any sync failed; else drift (with the total count)
 * if any object drifted; else out of sync if a dry run found pending changes; else synced.
 */
@Restricted(NoExternalUse.class)
public record BadgeState(SyncStatus status, int driftCount, int failedCount) {

    public static BadgeState of(List<SyncRecord> records) {
        List<Verdict> verdicts = records.stream()
                .map(r -> Verdict.of(r.getStatus(), r.getFailed(), r.getDrifted(), r.isDryRun())).toList();
        return new BadgeState(Verdict.worst(verdicts).badge(), records.stream().mapToInt(SyncRecord::getDrifted).sum(),
                records.stream().mapToInt(SyncRecord::getFailed).sum());
    }

    /** Text for tooltips and the job page. */
    public String describe() {
        return switch (status) {
            case Failed -> failedCount > 0 ? Messages.BadgeState_FailedObjects(failedCount) : Messages.BadgeState_Failed();
            case Drift -> Messages.BadgeState_Drift(driftCount);
            case OutOfSync -> Messages.BadgeState_OutOfSync();
            case Synced -> Messages.BadgeState_Synced();
        };
    }

    public boolean isFailed() {
        return status == SyncStatus.Failed;
    }

    public boolean isNoteworthy() {
        return status == SyncStatus.Failed || status == SyncStatus.Drift;
    }
}
