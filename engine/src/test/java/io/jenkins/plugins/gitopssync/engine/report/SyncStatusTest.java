package io.jenkins.plugins.gitopssync.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncStatusTest {

    private static final Totals QUIET = new Totals(0, 0, 5, 0, 0, 0, 0);
    private static final Totals CHANGES = new Totals(1, 0, 4, 0, 0, 0, 0);
    private static final Totals DRIFT = new Totals(0, 1, 4, 0, 0, 0, 1);
    private static final Totals ONE_FAILED = new Totals(0, 0, 4, 0, 0, 1, 0);

    @Test
    void anErrorOrAFailedObjectFails() {
        assertThat(SyncStatus.of(true, QUIET, false)).isEqualTo(SyncStatus.Failed);
        assertThat(SyncStatus.of(true, QUIET, true)).isEqualTo(SyncStatus.Failed);
        assertThat(SyncStatus.of(false, ONE_FAILED, false)).isEqualTo(SyncStatus.Failed);
        assertThat(SyncStatus.of(false, ONE_FAILED, true)).isEqualTo(SyncStatus.Failed);
    }

    @Test
    void aSyncThatAppliedIsSyncedWhateverItChanged() {
        assertThat(SyncStatus.of(false, CHANGES, false)).isEqualTo(SyncStatus.Synced);
        assertThat(SyncStatus.of(false, DRIFT, false)).isEqualTo(SyncStatus.Synced);
    }

    @Test
    void aDryRunSaysDriftBeforeChanges() {
        assertThat(SyncStatus.of(false, DRIFT, true)).isEqualTo(SyncStatus.Drift);
        assertThat(SyncStatus.of(false, CHANGES, true)).isEqualTo(SyncStatus.OutOfSync);
        assertThat(SyncStatus.of(false, QUIET, true)).isEqualTo(SyncStatus.Synced);
    }

    @Test
    void theSummaryNamesEveryCountAndSkippedAndFailedOnlyWhenThereAreAny() {
        assertThat(new Totals(1, 2, 3, 4, 0, 5, 6).summary())
                .isEqualTo("1 created, 2 configured (6 drift), 4 pruned, 3 unchanged, 5 failed");
        assertThat(new Totals(1, 2, 3, 4, 7, 0, 0).summary())
                .isEqualTo("1 created, 2 configured (0 drift), 4 pruned, 3 unchanged, 7 skipped");
    }
}
