package io.jenkins.plugins.gitopssync.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.verify.Signer;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import io.jenkins.plugins.gitopssync.engine.verify.VerifyMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one summary line the CLI prints last. */
class SummaryLineTest {

    private static final String REV = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";
    private static final Totals TOTALS = new Totals(3, 1, 12, 0, 0, 0, 1);

    @Test
    void revisionCountsTimeRequestsAndStatus() {
        assertThat(SummaryLine.of(SyncResult.builder(REV, ".", "shop").status(SyncStatus.Synced).totals(TOTALS)
                .durationMs(2149).apiRequests(17).build())).isEqualTo(
                "revision 1a2b3c4: 3 created, 1 configured (1 drift), 0 pruned, 12 unchanged in 2.1 s, 17 API requests; Synced");
        assertThat(SummaryLine.of(SyncResult.builder("unversioned", ".", "shop").status(SyncStatus.Drift).dryRun(true)
                .totals(TOTALS).build()))
                .startsWith("revision unversioned (dry run, nothing written): 3 created").endsWith("; Drift");
    }

    @Test
    void aResultAddsWhoSignedIt() {
        VerifiedRevision v = new VerifiedRevision(REV, VerifyMode.COMMIT,
                List.of(new Signer("commit " + REV, "ssh", "SHA256:abc", "SHA256:abc", "alice@example.org")));
        SyncResult r = SyncResult.builder(REV, ".", "shop").status(SyncStatus.Synced).totals(TOTALS).durationMs(2149)
                .apiRequests(17).verification(v).build();
        assertThat(SummaryLine.of(r)).startsWith("revision 1a2b3c4 (signed by alice@example.org): 3 created");
    }
}
