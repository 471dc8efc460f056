package io.jenkins.plugins.gitopssync.pages;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(SyncStatus.Synced, BadgeState.of(List.of(synced)).status());
        assertFalse(BadgeState.of(List.of(synced)).isNoteworthy());
        BadgeState d = BadgeState.of(List.of(synced, drift));
        assertEquals(SyncStatus.Drift, d.status());
        assertEquals(2, d.driftCount());
        assertEquals("2 objects drifted", d.describe());
        assertTrue(BadgeState.of(List.of(drift, failed)).isFailed());
    }
}
