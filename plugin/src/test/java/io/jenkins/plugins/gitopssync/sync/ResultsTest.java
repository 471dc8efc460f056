package io.jenkins.plugins.gitopssync.sync;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        io.jenkins.plugins.gitopssync.engine.SyncException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.jenkins.plugins.gitopssync.engine.SyncException.class,
                () -> broken.open(io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions.local()));
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the kubeconfig credential 'prod' is not valid YAML") && e.getMessage().contains("line 3"),
                e.getMessage());
    }

    @Test
    void failedSyncFailsTheBuildWithTheEngineMessage() {
        SyncRecord r = record(SyncStatus.Failed, false,
                List.of(object("Deployment", "apps", "web", "failed", false, "spec.selector: field is immutable")),
                List.of());
        ResultPolicy.Decision v = ResultPolicy.decide(r, false);
        assertEquals(ResultPolicy.Outcome.FAILURE, v.outcome());
        assertTrue(v.message().contains("Deployment/apps/web (deploy/app.yaml:1): spec.selector: field is immutable"), v.message());
        SyncRecord unreachable = record(SyncStatus.Failed, false, List.of(), List.of("cluster unreachable: connection refused"));
        assertTrue(ResultPolicy.decide(unreachable, false).message().contains("cluster unreachable: connection refused"));
    }

    @Test
    void driftIsUnstableInDryRunAndFailureWithFailOnDrift() {
        List<SyncedObject> drifted = List.of(object("ConfigMap", "apps", "cfg", "configured", true, null),
                object("Service", "apps", "web", "unchanged", false, null));
        SyncRecord dry = record(SyncStatus.Drift, true, drifted, List.of());
        assertEquals(ResultPolicy.Outcome.UNSTABLE, ResultPolicy.decide(dry, false).outcome());
        assertTrue(ResultPolicy.decide(dry, false).message().contains("ConfigMap/apps/cfg"));
        assertEquals(ResultPolicy.Outcome.FAILURE, ResultPolicy.decide(dry, true).outcome());
        SyncRecord corrected = record(SyncStatus.Synced, false, drifted, List.of());
        assertEquals(ResultPolicy.Outcome.SUCCESS, ResultPolicy.decide(corrected, false).outcome());
        assertEquals(ResultPolicy.Outcome.FAILURE, ResultPolicy.decide(corrected, true).outcome());
        SyncRecord clean = record(SyncStatus.Synced, false, List.of(object("Service", "apps", "web", "created", false, null)), List.of());
        assertEquals(ResultPolicy.Outcome.SUCCESS, ResultPolicy.decide(clean, true).outcome());
    }

    @Test
    void summaryNamesRevisionCountsAndDriftedObjects() {
        SyncRecord dry = record(SyncStatus.Drift, true, List.of(object("ConfigMap", "apps", "cfg", "configured", true, null)), List.of());
        String text = String.join("\n", SyncSummary.lines(dry, "http://jenkins/job/j/1/gitops-1/"));
        assertTrue(text.contains("revision 1a2b3c4"), text);
        assertTrue(text.contains("would be created 0, configured 1"), text);
        assertTrue(text.contains("drifted: ConfigMap/apps/cfg (deploy/app.yaml:1)"), text);
        assertTrue(text.contains("Details: http://jenkins/job/j/1/gitops-1/"), text);
    }
}
