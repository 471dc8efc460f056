package io.jenkins.plugins.gitopssync.engine.report;

import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import java.util.Locale;

/**
 * The one line that sums up a sync or a dry run, as the CLI prints it last and the plugin writes it to the build
 * log: "revision 1a2b3c4 (signed by Alice): 3 created, 1 configured (1 drift), 0 pruned, 12 unchanged in 2.1 s, 17 API
 * requests; Synced".
 */
public final class SummaryLine {

    private SummaryLine() {
    }

    public static String of(SyncResult r) {
        String signed = r.verification() == null ? "" : " (signed by " + r.verification().signedBy() + ")";
        return line(Revisions.shortId(r.revision()) + signed, r.dryRun(), r.totals(), r.durationMs(), r.apiRequests(),
                r.status());
    }

    /** The line of a sync kept without its result (a build's record). */
    public static String of(String revision, boolean dryRun, Totals totals, long durationMs, long apiRequests,
                            SyncStatus status) {
        return line(Revisions.shortId(revision), dryRun, totals, durationMs, apiRequests, status);
    }

    private static String line(String revision, boolean dryRun, Totals totals, long durationMs, long apiRequests,
                               SyncStatus status) {
        return "revision " + revision + (dryRun ? " (dry run, nothing written)" : "") + ": " + totals.summary()
                + String.format(Locale.ROOT, " in %.1f s, %d API requests; %s", durationMs / 1000.0, apiRequests, status);
    }
}
