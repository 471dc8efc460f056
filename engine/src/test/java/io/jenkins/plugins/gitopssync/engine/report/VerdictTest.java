package io.jenkins.plugins.gitopssync.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.report.Verdict.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reading of a result that the CLI's exit codes, the build result and the badges follow. */
class VerdictTest {

    @Test
    void aFailureOutweighsEverything() {
        assertThat(Verdict.of(SyncStatus.Failed, 0, 3, true)).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.of(SyncStatus.Synced, 1, 0, false)).as("a failed object").isEqualTo(Verdict.FAILED);
        assertThat(Verdict.FAILED.severity(false)).isEqualTo(Severity.ERROR);
        assertThat(Verdict.FAILED.badge()).isEqualTo(SyncStatus.Failed);
        assertThat(Verdict.FAILED.leavesDifferences()).isFalse();
    }

    @Test
    void driftFoundByADryRunIsLeftAndWarnedAbout() {
        Verdict v = Verdict.of(SyncStatus.Drift, 0, 2, true);
        assertThat(v).isEqualTo(Verdict.DRIFTED);
        assertThat(v.leavesDifferences()).isTrue();
        assertThat(v.severity(false)).isEqualTo(Severity.WARNING);
        assertThat(v.severity(true)).isEqualTo(Severity.ERROR);
        assertThat(v.badge()).isEqualTo(SyncStatus.Drift);
    }

    @Test
    void driftASyncCorrectedLeavesNoDifferenceButIsStillShown() {
        Verdict v = Verdict.of(SyncStatus.Synced, 0, 2, false);
        assertThat(v).isEqualTo(Verdict.DRIFT_CORRECTED);
        assertThat(v.leavesDifferences()).isFalse();
        assertThat(v.foundDrift()).isTrue();
        assertThat(v.severity(false)).isEqualTo(Severity.OK);
        assertThat(v.severity(true)).as("failOnDrift").isEqualTo(Severity.ERROR);
        assertThat(v.badge()).isEqualTo(SyncStatus.Drift);
    }

    /** The decision written next to the rule: differences for a script, no problem for a build. */
    @Test
    void changesPendingInGitAreDifferencesButNoProblem() {
        Verdict v = Verdict.of(SyncStatus.OutOfSync, 0, 0, true);
        assertThat(v).isEqualTo(Verdict.CHANGES_PENDING);
        assertThat(v.leavesDifferences()).isTrue();
        assertThat(v.severity(true)).isEqualTo(Severity.OK);
        assertThat(v.badge()).isEqualTo(SyncStatus.OutOfSync);
    }

    @Test
    void nothingToDo() {
        Verdict v = Verdict.of(SyncStatus.Synced, 0, 0, true);
        assertThat(v).isEqualTo(Verdict.IN_SYNC);
        assertThat(v.leavesDifferences()).isFalse();
        assertThat(v.severity(true)).isEqualTo(Severity.OK);
        assertThat(v.badge()).isEqualTo(SyncStatus.Synced);
    }

    @Test
    void severalSyncsTakeTheWorst() {
        assertThat(Verdict.worst(List.of(Verdict.IN_SYNC, Verdict.CHANGES_PENDING, Verdict.DRIFT_CORRECTED)))
                .isEqualTo(Verdict.DRIFT_CORRECTED);
        assertThat(Verdict.worst(List.of(Verdict.DRIFTED, Verdict.FAILED))).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.worst(List.of())).isEqualTo(Verdict.IN_SYNC);
    }

    @Test
    void aStatusCheckFindsDriftThatIsStillThere() {
        InventoryStatus clean = InventoryStatus.builder("shop", "default").exists(true).build();
        InventoryStatus drifted = InventoryStatus.builder("shop", "default").exists(true)
                .drifted(List.of(new ObjectResult("", "v1", "ConfigMap", "default", "cfg", Action.CONFIGURED, true, "", null,
                        null, null))).build();
        assertThat(Verdict.of(clean)).isEqualTo(Verdict.IN_SYNC);
        assertThat(Verdict.of(drifted)).isEqualTo(Verdict.DRIFTED);
    }
}
