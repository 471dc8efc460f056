package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import hudson.model.Cause;
import hudson.model.Run;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Who runs a sync, as the audit trail in the ApplySet parent records it: the build's URL (or its job
 * and number when Jenkins has no root URL) and the user who started it, or how it was started.
 */
@Restricted(NoExternalUse.class)
public final class BuildOrigin {

    private BuildOrigin() {
    }

    public static String of(Run<?, ?> run) {
        String root = Jenkins.get().getRootUrl();
        String build = root == null ? run.getParent().getFullName() + " #" + run.getNumber() : root + run.getUrl();
        return Messages.BuildOrigin_Origin(build, startedBy(run));
    }

    static String startedBy(Run<?, ?> run) {
        Cause.UserIdCause user = run.getCause(Cause.UserIdCause.class);
        if (user != null && user.getUserId() != null) {
            return Messages.BuildOrigin_StartedBy(user.getUserId());
        }
        // no user: say how it started (trigger, timer, upstream), from the first cause
        return run.getCauses().isEmpty() ? "" : "(" + run.getCauses().get(0).getShortDescription() + ")";
    }
}
