package io.jenkins.plugins.gitopssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plugin's decisions that need no Jenkins: option checks, names, refs, results, trigger and badge rules. */
class SyncLogicTest {

    static final String REV1 = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";
    static final String REV2 = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    static ObjectRecord object(String kind, String ns, String name, String action, boolean drift, String error) {
        return new ObjectRecord("", "v1", kind, ns, name, action, drift, drift ? "-a\n+b\n" : "", error, "deploy/app.yaml:1", null);
    }

    static SyncRecord record(SyncStatus status, boolean dryRun, List<ObjectRecord> objects, List<String> errors) {
        int created = 0, configured = 0, unchanged = 0, pruned = 0, failed = 0, drifted = 0;
        for (ObjectRecord o : objects) {
            switch (o.getAction()) {
                case "created" -> created++;
                case "configured" -> configured++;
                case "unchanged" -> unchanged++;
                case "pruned" -> pruned++;
                case "failed" -> failed++;
                default -> { }
            }
            drifted += o.isDrift() ? 1 : 0;
        }
        return new SyncRecord("https://git.example.com/org/repo.git", "main", REV1, "deploy", "apps", status, dryRun, objects,
                new Totals(created, configured, unchanged, pruned, 0, failed, drifted), 1200, 17, errors, List.of());
    }

    @Test
    void timeoutIsSecondsOrDuration() {
        assertEquals(Duration.ofMinutes(5), Durations.parse(null));
        assertEquals(Duration.ofMinutes(5), Durations.parse(" "));
        assertEquals(Duration.ofSeconds(300), Durations.parse("300"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2M"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("five minutes"));
        assertTrue(e.getMessage().contains("five minutes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("0"));
        assertNull(OptionChecks.timeout("10m"));
        assertTrue(OptionChecks.timeout("10 minutes") != null);
    }

    @Test
    void defaultApplySetNameIsAStableDnsLabel() {
        assertEquals("team-deploy", ApplySetNames.defaultFor("team-deploy", null));
        assertEquals("team-deploy", ApplySetNames.defaultFor("team-deploy", "."));
        String folder = ApplySetNames.defaultFor("Team/Deploy Prod", "clusters/prod");
        assertTrue(ApplySetNames.isValid(folder), folder);
        assertTrue(folder.startsWith("team-deploy-prod-clusters-prod-"), folder);
        assertEquals(folder, ApplySetNames.defaultFor("Team/Deploy Prod", "clusters/prod"));
        assertNotEquals(folder, ApplySetNames.defaultFor("Team/Deploy Prod", "clusters/stage"));
        String longName = ApplySetNames.defaultFor("a".repeat(100), "b".repeat(100));
        assertTrue(longName.length() <= 63 && ApplySetNames.isValid(longName), longName);
        assertNotEquals(longName, ApplySetNames.defaultFor("a".repeat(100), "c".repeat(100)));
    }

    @Test
    void pathMustStayInsideTheRepository() {
        assertNull(OptionChecks.path(null));
        assertNull(OptionChecks.path("clusters/prod"));
        assertNull(OptionChecks.path("./apps"));
        assertNull(OptionChecks.path("apps..old"));
        assertTrue(OptionChecks.path("../other").contains("inside the repository"));
        assertTrue(OptionChecks.path("apps/../../x").contains("inside the repository"));
        assertTrue(OptionChecks.path("/etc").contains("absolute"));
        assertTrue(OptionChecks.path("C:\\x").contains("absolute"));
    }

    @Test
    void connectionIsKubeconfigOrServerWithTokenOrNeither() {
        assertNull(OptionChecks.connection(null, null, null));
        assertNull(OptionChecks.connection("kc", null, null));
        assertNull(OptionChecks.connection(null, "https://k8s:6443", "tok"));
        assertTrue(OptionChecks.connection("kc", "https://k8s:6443", "tok").contains("not both"));
        assertTrue(OptionChecks.connection(null, "https://k8s:6443", null).contains("token"));
        assertTrue(OptionChecks.connection(null, null, "tok").contains("server URL"));
        assertTrue(OptionChecks.serverUrl("k8s:6443").contains("https://"));
    }

    @Test
    void optionsListEveryProblem() {
        SyncOptions bad = new SyncOptions(" ", null, "../x", null, "kc", "https://k8s", "tok", null, "Bad_NS", null,
                false, false, false, true, "soon", false, "Not A Name", 100);
        List<String> problems = bad.problems();
        assertEquals(7, problems.size(), problems.toString());
        SyncOptions good = new SyncOptions("https://git.example.com/r.git", "main", "deploy", null, "kc", null, null, null,
                "apps", null, true, false, false, true, "2m", false, null, 0);
        assertEquals(List.of(), good.problems());
        assertEquals("apps-job-deploy", good.applySetFor("apps-job"));
        assertEquals(Duration.ofMinutes(2), good.timeoutDuration());
        assertFalse(good.toString().contains("BEGIN CERTIFICATE"));
    }

    @Test
    void refsResolveToBranchTagOrCommit() {
        List<String> remote = List.of("HEAD", "refs/heads/main", "refs/tags/v1", "refs/heads/v1-branch");
        assertEquals("refs/heads/main", GitRefs.remoteRefName(remote, "main"));
        assertEquals("refs/tags/v1", GitRefs.remoteRefName(remote, "v1"));
        assertEquals("HEAD", GitRefs.remoteRefName(remote, null));
        assertEquals("refs/tags/v1", GitRefs.remoteRefName(remote, "refs/tags/v1"));
        assertNull(GitRefs.remoteRefName(remote, "nope"));
        assertTrue(GitRefs.isCommitId(REV1));
        assertFalse(GitRefs.isCommitId("1a2b3c4"));
        assertEquals(REV2, GitRefs.remoteRevision(Map.of("refs/heads/main", REV1), REV2));
        assertEquals(REV1, GitRefs.remoteRevision(Map.of("refs/heads/main", REV1), "main"));
        assertNull(GitRefs.remoteRevision(Map.of("refs/heads/main", REV1), "dev"));
        assertEquals("1a2b3c4", GitRefs.shortId(REV1));
    }

    @Test
    void localRepositoriesAreToldApartFromNetworkOnes() {
        for (String local : List.of("file:///srv/git/r", "FILE:/srv/git/r", "/srv/git/r", "../r", "r", "C:\\git\\r", "./a:b")) {
            assertTrue(GitRefs.isLocal(local), local);
        }
        for (String network : List.of("https://git.example.com/r.git", "http://h/r", "ssh://git@h:22/r.git", "git://h/r",
                "git@git.example.com:org/r.git", "host:path/r.git")) {
            assertFalse(GitRefs.isLocal(network), network);
        }
        assertEquals("fatal: https://ci:***@h/r not found",
                GitRefs.redact("fatal: https://ci:tok@h/r not found", "https://ci:tok@h/r"));
    }

    @Test
    void tokensInRepositoryUrlsAreNeverShown() {
        assertEquals("https://ci:***@git.example.com/org/repo.git", GitRefs.safeUrl("https://ci:s3cr3t@git.example.com/org/repo.git"));
        assertEquals("https://ci@git.example.com/r.git", GitRefs.safeUrl("https://ci@git.example.com/r.git"));
        assertEquals("https://git.example.com/r.git", GitRefs.safeUrl("https://git.example.com/r.git"));
        assertEquals("ssh://git@git.example.com:22/r.git", GitRefs.safeUrl("ssh://git@git.example.com:22/r.git"));
        assertEquals("git@git.example.com:org/r.git", GitRefs.safeUrl("git@git.example.com:org/r.git"));
        assertEquals("https://x:***@h", GitRefs.safeUrl("https://x:p@ss@h"));
        assertEquals("file:///srv/git/r", GitRefs.safeUrl("file:///srv/git/r"));
    }

    @Test
    void kubeconfigParseErrorsNeverQuoteTheKubeconfig() {
        String yaml = "invalid kubeconfig: while parsing a flow mapping\n in reader, line 3, column 11:\n    users: [ {{ token: s3cr3t\n";
        String safe = ClusterConnection.safeKubeconfigError(yaml);
        assertFalse(safe.contains("s3cr3t"), safe);
        assertTrue(safe.contains("line 3, column 11"), safe);
        assertEquals("invalid kubeconfig (context prod): context not found",
                ClusterConnection.safeKubeconfigError("invalid kubeconfig (context prod): context not found"));
    }

    @Test
    void commitLinkOnlyForHttpRepositoriesWithoutCredentials() {
        assertEquals("https://git.example.com/org/repo/commit/" + REV1, GitRefs.commitLink("https://git.example.com/org/repo.git", REV1));
        assertEquals("https://git.example.com/org/repo/commit/" + REV1, GitRefs.commitLink("https://user:pw@git.example.com/org/repo/", REV1));
        assertNull(GitRefs.commitLink("git@git.example.com:org/repo.git", REV1));
        assertNull(GitRefs.commitLink("file:///tmp/repo", REV1));
        assertNull(GitRefs.commitLink("https://git.example.com/org/repo.git", "main"));
    }

    @Test
    void failedSyncFailsTheBuildWithTheEngineMessage() {
        SyncRecord r = record(SyncStatus.Failed, false,
                List.of(object("Deployment", "apps", "web", "failed", false, "spec.selector: field is immutable")),
                List.of());
        ResultPolicy.Verdict v = ResultPolicy.decide(r, false);
        assertEquals(ResultPolicy.Outcome.FAILURE, v.outcome());
        assertTrue(v.message().contains("Deployment/apps/web (deploy/app.yaml:1): spec.selector: field is immutable"), v.message());
        SyncRecord unreachable = record(SyncStatus.Failed, false, List.of(), List.of("cluster unreachable: connection refused"));
        assertTrue(ResultPolicy.decide(unreachable, false).message().contains("cluster unreachable: connection refused"));
    }

    @Test
    void driftIsUnstableInDryRunAndFailureWithFailOnDrift() {
        List<ObjectRecord> drifted = List.of(object("ConfigMap", "apps", "cfg", "configured", true, null),
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

    @Test
    void triggerBuildsOnlyOnNewRevisionOrDrift() {
        assertEquals(Optional.of("new revision 9f8e7d6"), new TriggerDecision(REV2, REV1, null, false, null).reason());
        assertEquals(Optional.of("first sync of revision 9f8e7d6"), new TriggerDecision(REV2, null, null, false, null).reason());
        assertEquals(Optional.empty(), new TriggerDecision(REV1, REV1, null, false, null).reason());
        assertEquals(Optional.empty(), new TriggerDecision(REV1, REV1, 0, false, null).reason());
        assertEquals(Optional.of("3 objects drifted"), new TriggerDecision(REV1, REV1, 3, false, null).reason());
        assertEquals(Optional.of("1 object drifted"), new TriggerDecision(null, REV1, 1, false, null).reason());
        assertEquals(Optional.of("new revision 9f8e7d6, 2 objects drifted"), new TriggerDecision(REV2, REV1, 2, false, null).reason());
        assertEquals(Optional.empty(), new TriggerDecision(REV2, REV1, 2, true, null).reason());
        assertEquals(Optional.empty(), new TriggerDecision(null, null, null, false, null).reason());
        // a build was already started for this revision (and failed before recording): not again
        assertEquals(Optional.empty(), new TriggerDecision(REV2, REV1, null, false, REV2).reason());
        assertEquals(Optional.of("1 object drifted"), new TriggerDecision(REV2, REV1, 1, false, REV2).reason());
        assertEquals(Optional.of("new revision 9f8e7d6"), new TriggerDecision(REV2, REV1, null, false, REV1).reason());
    }

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
