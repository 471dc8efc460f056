package io.jenkins.plugins.gitopssync.pages;

import hudson.model.BuildBadgeAction;
import hudson.model.Run;
import io.jenkins.plugins.gitopssync.Messages;
import jenkins.model.RunAction2;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The badge in the build history: drift count or failure of the build's syncs (nothing when all
 * synced). One per build, computed from the build's {@link GitOpsSyncAction}s.
 */
@Restricted(NoExternalUse.class)
public final class DriftBadgeAction implements BuildBadgeAction, RunAction2 {

    private transient Run<?, ?> run;

    public BadgeState getState() {
        return BadgeState.of(GitOpsSyncAction.recordsOf(run));
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return Messages.DriftBadgeAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return null;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
