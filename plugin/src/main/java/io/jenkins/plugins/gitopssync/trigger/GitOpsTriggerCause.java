package io.jenkins.plugins.gitopssync.trigger;

import hudson.model.Cause;
import io.jenkins.plugins.gitopssync.Messages;
import java.util.Objects;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Why the GitOps trigger started a build: "new revision 1a2b3c4", "3 objects drifted", or both. Kept as data (the
 * reason), worded through Messages when shown; causes of builds from before kept their English text.
 */
public final class GitOpsTriggerCause extends Cause {

    private final TriggerReason why;
    /** The text of causes written before the reason was kept as data; null in newer ones. */
    @Deprecated
    private String reason;

    @Restricted(NoExternalUse.class)
    public GitOpsTriggerCause(TriggerReason why) {
        this.why = why;
    }

    /** The reason in words. */
    @SuppressWarnings("deprecation")
    public String getReason() {
        return why != null ? why.text() : reason;
    }

    @Override
    public String getShortDescription() {
        return Messages.GitOpsTriggerCause_ShortDescription(getReason());
    }

    // equal causes let the queue fold repeated triggers into one build
    @Override
    public boolean equals(Object o) {
        return o instanceof GitOpsTriggerCause other && Objects.equals(getReason(), other.getReason());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(getReason());
    }
}
