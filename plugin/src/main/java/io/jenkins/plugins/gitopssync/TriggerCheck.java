package io.jenkins.plugins.gitopssync;

import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.ParameterizedJobMixIn;

/**
 * One check of the GitOps trigger, run off the cron thread: reads the remote revision (ls-remote) and,
 * when asked, the cluster's drift (the engine's status fast path), then lets {@link TriggerDecision}
 * decide and schedules a build with a {@link GitOpsTriggerCause}. Never syncs.
 */
final class TriggerCheck {

    private static final Logger LOGGER = Logger.getLogger(TriggerCheck.class.getName());

    private final Job<?, ?> job;
    private final SyncOptions options;
    private final boolean checkDrift;
    private final String scheduledRevision;

    /** The remote revision this check started a build for, or null. */
    private String scheduled;

    TriggerCheck(Job<?, ?> job, SyncOptions options, boolean checkDrift, String scheduledRevision) {
        this.job = job;
        this.options = options;
        this.checkDrift = checkDrift;
        this.scheduledRevision = scheduledRevision;
    }

    String scheduledRevision() {
        return scheduled;
    }

    /** @return a line saying what was found and done, for the job page */
    String run() throws IOException, InterruptedException {
        if (!options.problems().isEmpty()) {
            return "not checked: " + String.join(" ", options.problems());
        }
        String clusterNote = "";
        CredentialResolver credentials = CredentialResolver.forItem(job);
        String applySet = options.applySetFor(job.getFullName());
        String remote = GitCheckout.remoteRevision(options.url(), options.ref(), credentials.git(options.credentialsId()),
                TaskListener.NULL);
        String synced = lastSyncedRevision(job, applySet);
        Integer drifted = null;
        if (checkDrift || synced == null) {
            try (GitOpsSync engine = new GitOpsSync(credentials.cluster(options).open(), SyncLog.SILENT)) {
                InventoryStatus status = engine.status(applySet, options.namespace());
                if (synced == null) {
                    synced = status.lastRevision();
                }
                if (checkDrift) {
                    drifted = status.drifted().size();
                }
            } catch (RuntimeException e) {
                // the cluster being unreachable must not stop the revision check; the job page says so
                clusterNote = " (cluster not checked: " + e.getMessage() + ")";
                LOGGER.log(Level.FINE, "GitOps trigger of {0}: cluster status of ApplySet {1} failed: {2}",
                        new Object[] {job.getFullName(), applySet, e.getMessage()});
            }
        }
        boolean pending = job.isBuilding() || job.isInQueue();
        TriggerDecision decision = new TriggerDecision(remote, synced, drifted, pending, scheduledRevision);
        Optional<String> reason = decision.reason();
        String seen = "remote " + GitRefs.shortId(remote) + ", last synced " + GitRefs.shortId(synced)
                + (drifted == null ? "" : ", " + drifted + " drifted") + clusterNote;
        if (reason.isEmpty()) {
            return seen + (pending ? ": a build is pending" : ": nothing to do");
        }
        if (ParameterizedJobMixIn.scheduleBuild2(job, -1, new CauseAction(new GitOpsTriggerCause(reason.get()))) == null) {
            return seen + ": could not schedule a build (" + reason.get() + ")";
        }
        scheduled = remote;
        return seen + ": build scheduled (" + reason.get() + ")";
    }

    /**
     * The revision of the latest sync or dry run of this ApplySet in the job's recent builds, or null.
     * Dry runs count: a job that only diffs must not be started again for a revision it already checked.
     */
    static String lastSyncedRevision(Job<?, ?> job, String applySet) {
        Run<?, ?> r = job.getLastCompletedBuild();
        for (int i = 0; r != null && i < JobGitOpsAction.LOOKBACK; i++, r = r.getPreviousCompletedBuild()) {
            List<SyncRecord> records = GitOpsSyncAction.recordsOf(r);
            for (int k = records.size() - 1; k >= 0; k--) {
                SyncRecord s = records.get(k);
                if (applySet.equals(s.getApplySet())) {
                    return s.getRevision();
                }
            }
        }
        return null;
    }
}
