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

    /** Where each line of an object starts: under the sync's lines (data, not text). */
    private static final String ITEM = SyncRunner.PREFIX + "  "; // NOI18N

    public static List<String> lines(SyncRecord r, String detailUrl) {
        List<String> out = new ArrayList<>();
        String source = r.getUrl() + (r.getRef() == null ? "" : " @ " + r.getRef());
        String path = r.getPath() == null ? "." : r.getPath();
        out.add(SyncRunner.PREFIX + (r.isDryRun()
                ? Messages.SyncSummary_DryRunOf(source, r.getShortRevision(), path, r.getApplySet())
                : Messages.SyncSummary_SyncOf(source, r.getShortRevision(), path, r.getApplySet())));
        out.add(SyncRunner.PREFIX + Messages.SyncSummary_Status(r.getStatusWord(), counts(r), String.valueOf(r.getDurationMs()),
                String.valueOf(r.getApiRequests())));
        for (SyncedObject o : r.getDriftedObjects()) {
            out.add(ITEM + Messages.SyncSummary_Drifted(named(o)));
        }
        int moreDrifted = r.getDrifted() - r.getDriftedObjects().size();
        if (moreDrifted > 0) {
            out.add(ITEM + Messages.SyncSummary_Drifted(Messages.ResultPolicy_MoreObjects(moreDrifted)));
        }
        for (SyncedObject o : r.getFailedObjects()) {
            out.add(ITEM + Messages.SyncSummary_Failed(named(o) + ": " + o.getError()));
        }
        int moreFailed = r.getFailed() - r.getFailedObjects().size();
        if (moreFailed > 0) {
            out.add(ITEM + Messages.SyncSummary_Failed(Messages.ResultPolicy_MoreObjects(moreFailed)));
        }
        r.getErrors().forEach(e -> out.add(ITEM + Messages.SyncSummary_Error(e)));
        r.getWarnings().forEach(w -> out.add(ITEM + Messages.SyncSummary_Warning(w)));
        if (detailUrl != null) {
            out.add(SyncRunner.PREFIX + Messages.SyncSummary_Details(detailUrl));
        }
        return out;
    }

    /** kind/namespace/name (source file:line). */
    private static String named(SyncedObject o) {
        return o.getDisplayName() + (o.getSource() == null ? "" : " (" + o.getSource() + ")");
    }

    public static String counts(SyncRecord r) {
        // plain numbers: MessageFormat would group the digits of 10,000 objects
        String created = String.valueOf(r.getCreated());
        String configured = String.valueOf(r.getConfigured());
        String unchanged = String.valueOf(r.getUnchanged());
        String pruned = String.valueOf(r.getPruned());
        String failed = String.valueOf(r.getFailed());
        String drifted = String.valueOf(r.getDrifted());
        return r.isDryRun() ? Messages.SyncSummary_CountsDryRun(created, configured, unchanged, pruned, failed, drifted)
                : Messages.SyncSummary_Counts(created, configured, unchanged, pruned, failed, drifted);
    }
}
