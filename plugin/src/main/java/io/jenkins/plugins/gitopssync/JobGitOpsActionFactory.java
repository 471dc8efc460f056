package io.jenkins.plugins.gitopssync;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/** Adds {@link JobGitOpsAction} to jobs that have run gitopsSync or carry the GitOps trigger. */
@Extension
public final class JobGitOpsActionFactory extends TransientActionFactory<Job> {

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return JobGitOpsAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        Job<?, ?> job = target;
        // kept cheap, as this runs for every job: only the last completed and last successful builds
        // are looked at (so a build that failed before syncing does not hide the badge)
        return synced(job.getLastCompletedBuild()) || synced(job.getLastSuccessfulBuild()) || GitOpsTrigger.of(job) != null
                ? List.of(new JobGitOpsAction(job)) : List.of();
    }

    private static boolean synced(Run<?, ?> run) {
        return run != null && run.getAction(GitOpsSyncAction.class) != null;
    }
}
