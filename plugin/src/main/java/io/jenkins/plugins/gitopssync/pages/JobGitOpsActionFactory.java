package io.jenkins.plugins.gitopssync.pages;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Adds {@link JobGitOpsAction} (job page section and badge) to every job. */
@Extension
@Restricted(NoExternalUse.class)
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
        // every job gets it, so its badge answers "unknown" before the first sync instead of 404; it
        // costs nothing until used, and the job page shows it only for jobs that sync (isShown)
        return List.of(new JobGitOpsAction(target));
    }
}
