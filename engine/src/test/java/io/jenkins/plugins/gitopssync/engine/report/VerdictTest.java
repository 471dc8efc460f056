package io.jenkins.plugins.gitopssync.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.report.Verdict.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one reading of a result that the CLI's exit codes, the build result and the badges follow. */
class VerdictTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a failure outweighs everything,       Failed,    0, 3, true,  FAILED",
            "a failed object is a failure,         Synced,    1, 0, false, FAILED",
            "drift a dry run finds is left,        Drift,     0, 2, true,  DRIFTED",
            "drift a sync finds it corrects,       Synced,    0, 2, false, DRIFT_CORRECTED",
            "changes in Git that a dry run finds,  OutOfSync, 0, 0, true,  CHANGES_PENDING",
            "nothing to do,                        Synced,    0, 0, true,  IN_SYNC",
    })
    void readsTheResult(String what, SyncStatus status, int failed, int drifted, boolean dryRun, Verdict expected) {
        assertThat(Verdict.of(status, failed, drifted, dryRun)).isEqualTo(expected);
    }

    /**
     * Each verdict as the front ends take it. The decision written next to the rule: changes pending in Git are
     * differences for a script but no problem for a build; drift a sync corrected leaves none but is still shown.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // verdict,      differences, drift, severity, with failOnDrift, badge
            "FAILED,          false,       false, ERROR,    ERROR,           Failed",
            "DRIFTED,         true,        true,  WARNING,  ERROR,           Drift",
            "DRIFT_CORRECTED, false,       true,  OK,       ERROR,           Drift",
            "CHANGES_PENDING, true,        false, OK,       OK,              OutOfSync",
            "IN_SYNC,         false,       false, OK,       OK,              Synced",
    })
    void isReadTheSameByEveryFrontEnd(Verdict v, boolean differences, boolean drift, Severity severity,
                                      Severity failOnDrift, SyncStatus badge) {
        assertThat(v.leavesDifferences()).as("leaves differences").isEqualTo(differences);
        assertThat(v.foundDrift()).as("found drift").isEqualTo(drift);
        assertThat(v.severity(false)).as("severity").isEqualTo(severity);
        assertThat(v.severity(true)).as("severity with failOnDrift").isEqualTo(failOnDrift);
        assertThat(v.badge()).as("badge").isEqualTo(badge);
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
