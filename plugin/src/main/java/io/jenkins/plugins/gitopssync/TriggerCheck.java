package io.jenkins.plugins.gitopssync;

import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import java.io.IOException;
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

    TriggerCheck(Job<?, ?> job, SyncOptions options, boolean checkDrift) {
        this.job = job;
        this.options = options;
        this.checkDrift = checkDrift;
    }

    /** @return a line saying what was found and done, for the job page */
    String run() throws IOException, InterruptedException {
        if (!options.problems().isEmpty()) {
            return "not checked: " + String.join(" ", options.problems());
        }
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
                // the cluster being unreachable must not stop the revision check
                LOGGER.log(Level.WARNING, "GitOps trigger of {0}: cluster status of ApplySet {1} failed: {2}",
                        new Object[] {job.getFullName(), applySet, e.getMessage()});
            }
        }
        boolean pending = job.isBuilding() || job.isInQueue();
        TriggerDecision decision = new TriggerDecision(remote, synced, drifted, pending);
        Optional<String> reason = decision.reason();
        String seen = "remote " + GitRefs.shortId(remote) + ", synced " + GitRefs.shortId(synced)
                + (drifted == null ? "" : ", " + drifted + " drifted");
        if (reason.isEmpty()) {
            return seen + (pending ? ": a build is pending" : ": nothing to do");
        }
        if (ParameterizedJobMixIn.scheduleBuild2(job, -1, new CauseAction(new GitOpsTriggerCause(reason.get()))) == null) {
            return seen + ": could not schedule a build (" + reason.get() + ")";
        }
        return seen + ": build scheduled (" + reason.get() + ")";
    }

    /** The revision of the latest non-dry-run sync of this ApplySet in the job's recent builds, or null. */
    static String lastSyncedRevision(Job<?, ?> job, String applySet) {
        Run<?, ?> r = job.getLastCompletedBuild();
        for (int i = 0; r != null && i < JobGitOpsAction.LOOKBACK; i++, r = r.getPreviousCompletedBuild()) {
            java.util.List<SyncRecord> records = GitOpsSyncAction.recordsOf(r);
            for (int k = records.size() - 1; k >= 0; k--) {
                SyncRecord s = records.get(k);
                if (!s.isDryRun() && applySet.equals(s.getApplySet())) {
                    return s.getRevision();
                }
            }
        }
        return null;
    }
}
