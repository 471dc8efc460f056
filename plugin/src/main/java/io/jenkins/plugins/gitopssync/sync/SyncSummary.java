package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.pages.SyncedObject;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The readable summary written to the build log after each sync. */
@Restricted(NoExternalUse.class)
public final class SyncSummary {

    private SyncSummary() {
    }

    public static List<String> lines(SyncRecord r, String detailUrl) {
        List<String> out = new ArrayList<>();
        out.add("[gitopsSync] " + (r.isDryRun() ? "Dry run" : "Sync") + " of " + r.getUrl()
                + (r.getRef() == null ? "" : " @ " + r.getRef()) + ", revision " + r.getShortRevision()
                + ", path " + (r.getPath() == null ? "." : r.getPath()) + ", ApplySet " + r.getApplySet());
        out.add("[gitopsSync] Status: " + r.getStatusWord() + " - " + counts(r) + " (" + r.getDurationMs() + " ms, "
                + r.getApiRequests() + " API requests)");
        for (SyncedObject o : r.getDriftedObjects()) {
            out.add("[gitopsSync]   drifted: " + o.getDisplayName() + (o.getSource() == null ? "" : " (" + o.getSource() + ")"));
        }
        int moreDrifted = r.getDrifted() - r.getDriftedObjects().size();
        if (moreDrifted > 0) {
            out.add("[gitopsSync]   drifted: " + Messages.ResultPolicy_MoreObjects(moreDrifted));
        }
        for (SyncedObject o : r.getFailedObjects()) {
            out.add("[gitopsSync]   failed: " + o.getDisplayName() + (o.getSource() == null ? "" : " (" + o.getSource() + ")")
                    + ": " + o.getError());
        }
        int moreFailed = r.getFailed() - r.getFailedObjects().size();
        if (moreFailed > 0) {
            out.add("[gitopsSync]   failed: " + Messages.ResultPolicy_MoreObjects(moreFailed));
        }
        for (String e : r.getErrors()) {
            out.add("[gitopsSync]   error: " + e);
        }
        for (String w : r.getWarnings()) {
            out.add("[gitopsSync]   warning: " + w);
        }
        if (detailUrl != null) {
            out.add("[gitopsSync] Details: " + detailUrl);
        }
        return out;
    }

    public static String counts(SyncRecord r) {
        String verb = r.isDryRun() ? "would be " : "";
        return verb + "created " + r.getCreated() + ", configured " + r.getConfigured() + ", unchanged " + r.getUnchanged()
                + ", pruned " + r.getPruned() + ", failed " + r.getFailed() + ", drifted " + r.getDrifted();
    }
}
