package io.jenkins.plugins.gitopssync.step;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(m.get("revision")).isEqualTo(REV1);
        assertThat(m.get("status")).isEqualTo("drift");
        assertThat(m.get("configured")).isEqualTo(1);
        assertThat(m.get("drifted")).isEqualTo(1);
        assertThat(m.get("driftedObjects")).isEqualTo(List.of("ConfigMap/apps/cfg"));
        assertThat(m.get("reportUrl")).isEqualTo("http://jenkins/job/j/1/gitops-1/");
    }
}
