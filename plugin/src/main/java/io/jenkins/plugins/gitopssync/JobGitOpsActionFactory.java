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
        // kept cheap, as this runs for every job page: look at the last completed build only
        Run<?, ?> last = job.getLastCompletedBuild();
        boolean synced = last != null && last.getAction(GitOpsSyncAction.class) != null;
        return synced || GitOpsTrigger.of(job) != null ? List.of(new JobGitOpsAction(job)) : List.of();
    }
}
