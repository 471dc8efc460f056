package io.jenkins.plugins.gitopssync.trigger;

import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import io.jenkins.plugins.gitopssync.pages.JobSyncState;
import io.jenkins.plugins.gitopssync.sync.CredentialResolver;
import io.jenkins.plugins.gitopssync.sync.WorkspaceCheckout;
import java.io.IOException;
import java.util.Optional;
import jenkins.model.ParameterizedJobMixIn;

/**
 * One check of the GitOps trigger, run off the cron thread: reads the remote revision (ls-remote) and,
 * when asked, the cluster's drift (the engine's status fast path), then lets {@link TriggerDecision}
 * decide and schedules a build with a {@link GitOpsTriggerCause}, unless the revision's signatures must
 * pass and do not ({@link RevisionSignatures}). Never syncs. Runs on the controller: the cluster is read only
 * as far as the administrator lets a job's kubeconfig act there ({@link #onController()}).
 */
final class TriggerCheck {

    private final Job<?, ?> job;
    private final SyncSpec options;
    private final boolean checkDrift;
    private final String scheduledRevision;

    TriggerCheck(Job<?, ?> job, SyncSpec options, boolean checkDrift, String scheduledRevision) {
        this.job = job;
        this.options = options;
        this.checkDrift = checkDrift;
        this.scheduledRevision = scheduledRevision;
    }

    /**
     * What one check found and did.
     *
     * @param line              for the job page
     * @param problem           what went wrong, to log once; null when all was checked
     * @param scheduledRevision the remote revision a build was started for, or null
     */
    record Result(String line, String problem, String scheduledRevision) {
    }

    Result run() throws IOException, InterruptedException {
        if (!options.problems().isEmpty()) {
            String problems = String.join(" ", options.problems());
            return new Result(Messages.TriggerCheck_NotChecked(problems), problems, null);
        }
        CredentialResolver credentials = CredentialResolver.forItem(job);
        String applySet = options.applySetFor(job.getFullName());
        String remote = WorkspaceCheckout.remoteRevision(options.url(), options.ref(), credentials.git(options.credentialsId(), options.url()),
                TaskListener.NULL);
        String synced = lastSyncedRevision(job, applySet);
        Integer drifted = null;
        String clusterProblem = null;
        if (checkDrift || synced == null) {
            // the cluster (or its credential) failing must not stop the revision check; the page says why
            try (GitOpsSync engine = new GitOpsSync(credentials.cluster(options).open(onController()), SyncLog.SILENT)) {
                InventoryStatus status = engine.status(applySet, options.namespace());
                if (synced == null) {
                    synced = status.lastRevision();
                }
                if (checkDrift) {
                    drifted = status.drifted().size();
                }
            } catch (IOException | RuntimeException e) {
                clusterProblem = UrlRedaction.redact(e.getMessage());
            }
        }
        boolean pending = job.isBuilding() || job.isInQueue();
        TriggerDecision decision = new TriggerDecision(remote, synced, drifted, pending, scheduledRevision);
        Optional<TriggerReason> reason = decision.reason();
        String seen = Messages.TriggerCheck_Seen(Revisions.shortId(remote), Revisions.shortId(synced))
                + (drifted == null ? "" : ", " + Messages.TriggerCheck_Drifted(drifted))
                + (clusterProblem == null ? "" : " " + Messages.TriggerCheck_ClusterNotChecked(clusterProblem));
        if (reason.isEmpty()) {
            return new Result(seen + ": " + (pending ? Messages.TriggerCheck_Pending() : Messages.TriggerCheck_NothingToDo()),
                    clusterProblem, null);
        }
        if (options.verifyMode() != null) {
            String refused = RevisionSignatures.refusal(job, options, credentials);
            if (refused != null) {
                return new Result(seen + ": " + Messages.TriggerCheck_NotVerified(Revisions.shortId(remote), refused), refused, null);
            }
        }
        if (ParameterizedJobMixIn.scheduleBuild2(job, -1, new CauseAction(new GitOpsTriggerCause(reason.get()))) == null) {
            return new Result(seen + ": " + Messages.TriggerCheck_NotScheduled(reason.get().text()), "not scheduled", null); // NOI18N: a key, not text
        }
        return new Result(seen + ": " + Messages.TriggerCheck_Scheduled(reason.get().text()), clusterProblem, remote);
    }

    /**
     * How the check reaches the cluster from the controller: a job's kubeconfig may make the controller run a
     * command, read its files or act as its service account only when an administrator allowed it; otherwise
     * the engine refuses such a kubeconfig before it runs or reads anything, and the job page says why.
     */
    static AccessOptions onController() {
        return new AccessOptions(GitOpsGlobalSettings.get().controllerKubeconfigPolicy(), LocalProcessRunner.ofThisProcess(),
                Messages.TriggerCheck_OnController());
    }

    /**
     * The revision of the latest sync or dry run of this ApplySet in the job (its {@link JobSyncState}), or null.
     * Dry runs count: a job that only diffs must not be started again for a revision it already checked.
     */
    static String lastSyncedRevision(Job<?, ?> job, String applySet) {
        // the job's small state file, kept when a build completes: a check loads no build
        JobSyncState state = JobSyncState.of(job);
        return state == null ? null : state.revisionOf(applySet);
    }
}
