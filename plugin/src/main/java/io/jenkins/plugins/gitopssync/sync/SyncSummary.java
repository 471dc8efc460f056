package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.engine.report.SummaryLine;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.pages.SyncedObject;
import java.util.ArrayList;
import java.util.List;

/** The readable summary written to the build log after each sync. */
public final class SyncSummary {

    private SyncSummary() {
    }

    public static List<String> lines(SyncRecord r, String detailUrl) {
        List<String> out = new ArrayList<>();
        out.add("[gitopsSync] " + (r.isDryRun() ? "Dry run" : "Sync") + " of " + r.getUrl()
                + (r.getRef() == null ? "" : " @ " + r.getRef()) + ", revision " + r.getShortRevision()
                + ", path " + (r.getPath() == null ? "." : r.getPath()) + ", ApplySet " + r.getApplySet());
        out.add("[gitopsSync] " + SummaryLine.of(r.getRevision(), r.isDryRun(), totals(r), r.getDurationMs(),
                r.getApiRequests(), r.getStatus()));
        for (SyncedObject o : r.getDriftedObjects()) {
            out.add("[gitopsSync]   drifted: " + o.getDisplayName() + (o.getSource() == null ? "" : " (" + o.getSource() + ")"));
        }
        for (SyncedObject o : r.getFailedObjects()) {
            out.add("[gitopsSync]   failed: " + o.getDisplayName() + (o.getSource() == null ? "" : " (" + o.getSource() + ")")
                    + ": " + o.getError());
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

    private static Totals totals(SyncRecord r) {
        return new Totals(r.getCreated(), r.getConfigured(), r.getUnchanged(), r.getPruned(), r.getSkipped(), r.getFailed(),
                r.getDrifted());
    }
}
