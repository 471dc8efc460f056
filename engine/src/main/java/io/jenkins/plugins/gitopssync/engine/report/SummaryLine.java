package io.jenkins.plugins.gitopssync.engine.report;

import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import java.util.Locale;

/**
 * The one line that sums up a sync or a dry run, as the CLI prints it last: "revision 1a2b3c4 (signed by Alice): 3
 * created, 1 configured (1 drift), 0 pruned, 12 unchanged in 2.1 s, 17 API requests; Synced". The plugin says the
 * same facts in its build log in words from its Messages, which a translation can change.
 */
public final class SummaryLine {

    private SummaryLine() {
    }

    public static String of(SyncResult r) {
        String signed = r.verification() == null ? "" : " (signed by " + r.verification().signedBy() + ")";
        return "revision " + Revisions.shortId(r.revision()) + signed + (r.dryRun() ? " (dry run, nothing written)" : "")
                + ": " + r.totals().summary() + String.format(Locale.ROOT, " in %.1f s, %d API requests; %s",
                r.durationMs() / 1000.0, r.apiRequests(), r.status());
    }
}
