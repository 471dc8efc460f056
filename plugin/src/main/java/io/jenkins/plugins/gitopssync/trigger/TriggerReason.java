package io.jenkins.plugins.gitopssync.trigger;

import io.jenkins.plugins.gitopssync.Messages;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Why the trigger starts a build, as data (kept in the build's cause), worded through Messages when shown.
 *
 * @param revision  the new revision's short id, or null when the revision did not change
 * @param firstSync the ApplySet had no sync yet
 * @param drifted   objects drifted in the cluster (0: none)
 */
@Restricted(NoExternalUse.class)
public record TriggerReason(String revision, boolean firstSync, int drifted) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** "first sync of revision 1a2b3c4", "new revision 1a2b3c4, 3 objects drifted", ... */
    public String text() {
        List<String> why = new ArrayList<>();
        if (revision != null) {
            why.add(firstSync ? Messages.TriggerReason_FirstSync(revision) : Messages.TriggerReason_NewRevision(revision));
        }
        if (drifted > 0) {
            why.add(Messages.TriggerReason_Drifted(drifted));
        }
        return String.join(", ", why);
    }
}
