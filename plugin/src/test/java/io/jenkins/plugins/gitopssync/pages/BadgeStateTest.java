package io.jenkins.plugins.gitopssync.pages;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.pages.BadgeState;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The combined state of a build's syncs, as the badges show it. */
class BadgeStateTest {

    @Test
    void badgeStateCombinesAllSyncsOfABuild() {
        SyncRecord synced = record(SyncStatus.Synced, false, List.of(object("Service", "a", "s", "unchanged", false, null)), List.of());
        SyncRecord drift = record(SyncStatus.Drift, true, List.of(object("ConfigMap", "a", "c", "configured", true, null),
                object("Secret", "a", "t", "configured", true, null)), List.of());
        SyncRecord failed = record(SyncStatus.Failed, false, List.of(object("Job", "a", "j", "failed", false, "boom")), List.of());
        assertThat(BadgeState.of(List.of(synced)).status()).isEqualTo(SyncStatus.Synced);
        assertThat(BadgeState.of(List.of(synced)).isNoteworthy()).isFalse();
        BadgeState d = BadgeState.of(List.of(synced, drift));
        assertThat(d.status()).isEqualTo(SyncStatus.Drift);
        assertThat(d.driftCount()).isEqualTo(2);
        assertThat(d.describe()).isEqualTo("2 objects drifted");
        assertThat(BadgeState.of(List.of(drift, failed)).isFailed()).isTrue();
    }
}
