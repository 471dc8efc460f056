package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.report.Verdict;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.pages.SyncedObject;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What a sync's outcome means for the build, by the engine's rule ({@link Verdict#severity}): a failed sync fails it
 * with the engine's message; drift makes it UNSTABLE in a dry run, or fails it when failOnDrift is set (in a real
 * sync the drift was corrected, so the build only fails when failOnDrift asks for it); changes waiting in Git leave
 * it SUCCESS. This class only says it in the build's words.
 */
@Restricted(NoExternalUse.class)
public final class ResultPolicy {

    public enum Outcome { SUCCESS, UNSTABLE, FAILURE }

    /** The outcome and, unless SUCCESS, the message that explains it. */
    public record Decision(Outcome outcome, String message) {
    }

    private ResultPolicy() {
    }

    public static Decision decide(SyncRecord r, boolean failOnDrift) {
        Verdict verdict = Verdict.of(r.getStatus(), r.getFailed(), r.getDrifted(), r.isDryRun());
        if (verdict == Verdict.FAILED) {
            return new Decision(Outcome.FAILURE, failureMessage(r));
        }
        String drift = verdict.foundDrift() ? Messages.ResultPolicy_Drifted(r.getDrifted(), r.getApplySet(),
                names(r.getDriftedObjects(), r.getDrifted() - r.getDriftedObjects().size())) : null;
        return switch (verdict.severity(failOnDrift)) {
            case ERROR -> new Decision(Outcome.FAILURE, drift + (r.isDryRun() ? "" : " " + Messages.ResultPolicy_DriftCorrected())
                    + "; " + Messages.ResultPolicy_FailOnDrift());
            case WARNING -> new Decision(Outcome.UNSTABLE, drift + ".");
            case OK -> new Decision(Outcome.SUCCESS, null);
        };
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
