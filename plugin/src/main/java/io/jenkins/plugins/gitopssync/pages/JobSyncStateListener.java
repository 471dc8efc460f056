package io.jenkins.plugins.gitopssync.pages;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** Keeps each job's {@link JobSyncState} current as its builds complete or are deleted. */
@Extension
@Restricted(NoExternalUse.class)
public final class JobSyncStateListener extends RunListener<Run<?, ?>> {

    @Override
    public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
        JobSyncState.completed(run);
    }

    @Override
    public void onDeleted(Run<?, ?> run) {
        JobSyncState.deleted(run);
    }
}
