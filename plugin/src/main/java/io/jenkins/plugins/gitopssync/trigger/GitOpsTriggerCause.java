package io.jenkins.plugins.gitopssync.trigger;

import hudson.model.Cause;
import io.jenkins.plugins.gitopssync.Messages;
import java.util.Objects;

/** Why the GitOps trigger started a build: "new revision 1a2b3c4", "3 objects drifted", or both. */
public final class GitOpsTriggerCause extends Cause {

    private final String reason;

    public GitOpsTriggerCause(String reason) {
        this.reason = reason;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public String getShortDescription() {
        return Messages.GitOpsTriggerCause_ShortDescription(reason);
    }

    // equal causes let the queue fold repeated triggers into one build
    @Override
    public boolean equals(Object o) {
        return o instanceof GitOpsTriggerCause other && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(reason);
    }
}
