package io.jenkins.plugins.gitopssync.pages;

import hudson.model.BuildBadgeAction;
import io.jenkins.plugins.gitopssync.Messages;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The badge in the build history: drift count or failure of the build's syncs (nothing when all
 * synced). One per build, computed from the build's {@link GitOpsSyncAction}s.
 */
@Restricted(NoExternalUse.class)
public final class DriftBadgeAction extends BuildAttachedAction implements BuildBadgeAction {

    public BadgeState getState() {
        return BadgeState.of(GitOpsSyncAction.recordsOf(getRun()));
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
}
