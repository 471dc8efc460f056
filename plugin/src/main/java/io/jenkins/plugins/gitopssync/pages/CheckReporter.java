package io.jenkins.plugins.gitopssync.pages;

import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A trigger whose latest check the job page shows (the GitOps trigger). The pages know the trigger only
 * through this, so the trigger can depend on the pages (for the builds' sync records) and not the reverse.
 */
@Restricted(NoExternalUse.class)
public interface CheckReporter {

    /** What the latest check found, for the job page; null before the first check. */
    String getLastCheck();
}
