package io.jenkins.plugins.gitopssync.step;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.step.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The map the Pipeline step returns to the script. */
class StepResultTest {

    @Test
    void stepResultMapHasCountsAndDriftedObjects() {
        SyncRecord dry = record(SyncStatus.Drift, true, List.of(object("ConfigMap", "apps", "cfg", "configured", true, null)), List.of());
        Map<String, Object> m = StepResult.of(dry, "http://jenkins/job/j/1/gitops-1/");
        assertEquals(REV1, m.get("revision"));
        assertEquals("drift", m.get("status"));
        assertEquals(1, m.get("configured"));
        assertEquals(1, m.get("drifted"));
        assertEquals(List.of("ConfigMap/apps/cfg"), m.get("driftedObjects"));
        assertEquals("http://jenkins/job/j/1/gitops-1/", m.get("reportUrl"));
    }
}
