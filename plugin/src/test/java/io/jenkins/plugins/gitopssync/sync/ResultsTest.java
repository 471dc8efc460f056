package io.jenkins.plugins.gitopssync.sync;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.pages.SyncedObject;
import io.jenkins.plugins.gitopssync.sync.ClusterConnection;
import io.jenkins.plugins.gitopssync.sync.ResultPolicy;
import io.jenkins.plugins.gitopssync.sync.SyncSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sync means for the build, and what is written about it: verdicts, summaries, kubeconfig errors. */
class ResultsTest {

    @Test
    void kubeconfigParseErrorsNeverQuoteTheKubeconfig() {
        ClusterConnection broken = ClusterConnection.kubeconfig("apiVersion: v1\nkind: Config\nusers: [ {{ token: s3cr3t\n", null, "prod");
        io.jenkins.plugins.gitopssync.engine.SyncException e = assertThatExceptionOfType(
                io.jenkins.plugins.gitopssync.engine.SyncException.class)
                .isThrownBy(() -> broken.open(io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions.local())).actual();
        assertThat(e.getMessage()).as(e.getMessage()).doesNotContain("s3cr3t");
        assertThat(e.getMessage()).as(e.getMessage()).startsWith("the kubeconfig credential 'prod' is not valid YAML").contains("line 3");
    }

    @Test
    void failedSyncFailsTheBuildWithTheEngineMessage() {
        SyncRecord r = record(SyncStatus.Failed, false,
                List.of(object("Deployment", "apps", "web", "failed", false, "spec.selector: field is immutable")),
                List.of());
        ResultPolicy.Decision v = ResultPolicy.decide(r, false);
        assertThat(v.outcome()).isEqualTo(ResultPolicy.Outcome.FAILURE);
        assertThat(v.message()).as(v.message()).contains("Deployment/apps/web (deploy/app.yaml:1): spec.selector: field is immutable");
        SyncRecord unreachable = record(SyncStatus.Failed, false, List.of(), List.of("cluster unreachable: connection refused"));
        assertThat(ResultPolicy.decide(unreachable, false).message()).contains("cluster unreachable: connection refused");
    }

    @Test
    void driftIsUnstableInDryRunAndFailureWithFailOnDrift() {
        List<SyncedObject> drifted = List.of(object("ConfigMap", "apps", "cfg", "configured", true, null),
                object("Service", "apps", "web", "unchanged", false, null));
        SyncRecord dry = record(SyncStatus.Drift, true, drifted, List.of());
        assertThat(ResultPolicy.decide(dry, false).outcome()).isEqualTo(ResultPolicy.Outcome.UNSTABLE);
        assertThat(ResultPolicy.decide(dry, false).message()).contains("ConfigMap/apps/cfg");
        assertThat(ResultPolicy.decide(dry, true).outcome()).isEqualTo(ResultPolicy.Outcome.FAILURE);
        SyncRecord corrected = record(SyncStatus.Synced, false, drifted, List.of());
        assertThat(ResultPolicy.decide(corrected, false).outcome()).isEqualTo(ResultPolicy.Outcome.SUCCESS);
        assertThat(ResultPolicy.decide(corrected, true).outcome()).isEqualTo(ResultPolicy.Outcome.FAILURE);
        SyncRecord clean = record(SyncStatus.Synced, false, List.of(object("Service", "apps", "web", "created", false, null)), List.of());
        assertThat(ResultPolicy.decide(clean, true).outcome()).isEqualTo(ResultPolicy.Outcome.SUCCESS);
    }

    @Test
    void summaryNamesRevisionCountsAndDriftedObjects() {
        SyncRecord dry = record(SyncStatus.Drift, true, List.of(object("ConfigMap", "apps", "cfg", "configured", true, null)), List.of());
        String text = String.join("\n", SyncSummary.lines(dry, "http://jenkins/job/j/1/gitops-1/"));
        assertThat(text).as(text).contains("revision 1a2b3c4");
        assertThat(text).as(text).contains("would be created 0, configured 1");
        assertThat(text).as(text).contains("drifted: ConfigMap/apps/cfg (deploy/app.yaml:1)");
        assertThat(text).as(text).contains("Details: http://jenkins/job/j/1/gitops-1/");
    }
}
