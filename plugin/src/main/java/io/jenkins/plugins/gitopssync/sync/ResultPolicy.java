package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.pages.SyncedObject;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Decides what a sync's outcome means for the build: a failed sync fails it with the engine's
 * message; drift makes it UNSTABLE in a dry run, or fails it when failOnDrift is set (in a real sync
 * the drift was corrected, so the build only fails when failOnDrift asks for it).
 */
@Restricted(NoExternalUse.class)
public final class ResultPolicy {

    public enum Outcome { SUCCESS, UNSTABLE, FAILURE }

    /** The outcome and, unless SUCCESS, the message that explains it. */
    public record Verdict(Outcome outcome, String message) {
    }

    private ResultPolicy() {
    }

    public static Verdict decide(SyncRecord r, boolean failOnDrift) {
        if (r.isFailedSync() || r.getFailed() > 0) {
            return new Verdict(Outcome.FAILURE, failureMessage(r));
        }
        int drifted = r.getDrifted();
        if (drifted > 0) {
            String what = Messages.ResultPolicy_Drifted(drifted, r.getApplySet(),
                    names(r.getDriftedObjects(), drifted - r.getDriftedObjects().size()));
            if (failOnDrift) {
                return new Verdict(Outcome.FAILURE, what + (r.isDryRun() ? "" : " " + Messages.ResultPolicy_DriftCorrected())
                        + "; " + Messages.ResultPolicy_FailOnDrift());
            }
            if (r.isDryRun()) {
                return new Verdict(Outcome.UNSTABLE, what + ".");
            }
        }
        return new Verdict(Outcome.SUCCESS, null);
    }

    static String failureMessage(SyncRecord r) {
        List<String> parts = new ArrayList<>(r.getErrors());
        for (SyncedObject o : r.getFailedObjects()) {
            String where = o.getSource() == null ? "" : " (" + o.getSource() + ")";
            parts.add(o.getDisplayName() + where + ": " + (o.getError() == null ? "failed" : o.getError()));
        }
        int moreFailed = r.getFailed() - r.getFailedObjects().size();
        if (moreFailed > 0) {
            parts.add(Messages.ResultPolicy_MoreObjects(moreFailed));
        }
        if (parts.isEmpty()) {
            parts.add(Messages.ResultPolicy_FailedNoMessage());
        }
        return Messages.ResultPolicy_Failed(r.getApplySet(), String.join("; ", parts));
    }

    /** The objects' names, and how many more there are when the record keeps only the first. */
    private static String names(List<SyncedObject> objects, int more) {
        List<String> names = new ArrayList<>();
        for (SyncedObject o : objects) {
            names.add(o.getDisplayName());
        }
        if (more > 0) {
            names.add(Messages.ResultPolicy_MoreObjects(more));
        }
        return String.join(", ", names);
    }
}
