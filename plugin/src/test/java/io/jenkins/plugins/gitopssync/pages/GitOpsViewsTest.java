package io.jenkins.plugins.gitopssync.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.jenkins.plugins.gitopssync.freestyle.GitOpsSyncBuilder;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The build page summary, the detail page, the build history badge, the job page and the SVG badge,
 * rendered by Jenkins from recorded syncs (no cluster needed: the records are made here).
 */
class GitOpsViewsTest extends JenkinsTestBase {

    static final String REV = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

    static SyncResult driftResult(String applySet) {
        List<ObjectResult> objects = List.of(
                new ObjectResult("apps", "v1", "Deployment", "shop", "web", Action.CONFIGURED, true,
                        "-  replicas: 3\n+  replicas: 1\n+  note: <script>alert(1)</script>\n", null, "deploy/web.yaml:1", "Healthy"),
                new ObjectResult("", "v1", "Secret", "shop", "db", Action.UNCHANGED, false, "", null, "deploy/db.yaml:3", null),
                new ObjectResult("batch", "v1", "Job", "shop", "migrate", Action.FAILED, false, "", "spec.template: field is immutable",
                        "deploy/job.yaml:1", null));
        return new SyncResult(REV, "deploy", applySet, SyncStatus.Failed, false, objects, Totals.of(objects), Map.of(), 2300, 12,
                List.of(), List.of("deprecated API: batch/v1beta1"), null, List.of(), List.of(), null);
    }

    static SyncResult syncedResult(String applySet) {
        List<ObjectResult> objects = List.of(
                new ObjectResult("", "v1", "ConfigMap", "shop", "cfg", Action.CREATED, false, "", null, "cfg.yaml:1", null));
        return new SyncResult(REV, ".", applySet, SyncStatus.Synced, false, objects, Totals.of(objects), Map.of(), 800, 5,
                List.of(), List.of(), null, List.of(), List.of(), null);
    }

    /** A completed build with these syncs recorded as a sync records them: build.xml, and its JSON report beside it. */
    private FreeStyleBuild buildWith(FreeStyleProject p, SyncResult... results) throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        for (SyncResult r : results) {
            attach(b, r);
        }
        b.save();
        JobSyncState.completed(b); // what the listener does when a build with syncs completes
        return b;
    }

    static GitOpsSyncAction attach(Run<?, ?> b, SyncResult r) throws Exception {
        String url = r.path().equals(".") ? "file:///srv/git/manifests" : "https://git.example.com/org/manifests.git";
        GitOpsSyncAction action = GitOpsSyncAction.attach(b, SyncRecord.of(r, url, "main"));
        Path written = Files.createTempFile("report", ".json");
        JsonReport.write(r, written);
        action.keepReport(new FilePath(written.toFile()));
        Files.delete(written);
        return action;
    }

    @Test
    void buildPageListsEverySyncWithRevisionLinkAndCounts() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("views");
        FreeStyleBuild b = buildWith(p, driftResult("shop-prod"), syncedResult("shop-stage"));

        String html = j.createWebClient().getPage(b).getWebResponse().getContentAsString();

        assertTrue(html.contains("GitOps sync of shop-prod"), "first sync listed");
        assertTrue(html.contains("GitOps sync of shop-stage"), "second sync listed");
        assertTrue(html.contains("href=\"gitops-1/\"") && html.contains("href=\"gitops-2/\""), "links to both detail pages");
        assertTrue(html.contains("https://git.example.com/org/manifests/commit/" + REV), "revision links to the commit");
        assertTrue(html.contains("created 0, configured 1, unchanged 1, pruned 0"), "counts shown");
        assertTrue(html.contains("Deployment/shop/web"), "drifted object named");
    }

    @Test
    void detailPageShowsObjectsEscapedDiffsAndErrors() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("detail");
        FreeStyleBuild b = buildWith(p, driftResult("shop-prod"));

        String html = j.createWebClient().getPage(b, "gitops-1/").getWebResponse().getContentAsString();

        assertTrue(html.contains("id=\"gitops-objects\""), "object table rendered");
        assertTrue(html.contains("deploy/web.yaml:1") && html.contains("deploy/job.yaml:1"), "source file:line shown");
        assertTrue(html.contains("spec.template: field is immutable"), "object error shown");
        assertTrue(html.contains("deprecated API: batch/v1beta1"), "warning shown");
        assertTrue(html.contains("+  replicas: 1"), "diff shown");
        // Jelly escapes < and & (enough: no tag can open); what matters is that nothing can run
        assertTrue(html.contains("&lt;script>alert(1)&lt;/script>") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
                "diff escaped");
        assertFalse(html.contains("<script>alert(1)"), "never rendered raw");
    }

    /** {@code n} ConfigMaps: the first three created, every 50th drifted (corrected), the rest unchanged. */
    static SyncResult largeResult(int n) {
        List<ObjectResult> objects = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean drift = i % 50 == 49;
            Action a = i < 3 ? Action.CREATED : drift ? Action.CONFIGURED : Action.UNCHANGED;
            objects.add(new ObjectResult("", "v1", "ConfigMap", "big", String.format("cm-%05d", i), a, drift,
                    drift ? "-  data: hand-edited\n+  data: from-git-" + i + "\n" : "", null, "cm.yaml:" + (3 * i + 1), null));
        }
        return new SyncResult(REV, "big", "big", SyncStatus.Synced, false, objects, Totals.of(objects), Map.of(), 900, 14,
                List.of(), List.of(), null, List.of(), List.of(), null);
    }

    @Test
    void detailPageShowsWhatToLookAtFirstThenPagesThroughEveryObject() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("paged");
        FreeStyleBuild b = buildWith(p, largeResult(250));
        JenkinsRule.WebClient web = j.createWebClient();

        HtmlPage first = web.getPage(b, "gitops-1/");
        assertEquals("Drifted: 5", first.querySelector(".gitops-group-drifted").getTextContent().trim());
        assertEquals("Created: 3", first.querySelector(".gitops-group-created").getTextContent().trim());
        assertEquals(100, first.querySelectorAll("#gitops-objects tbody tr").size(), "the first page of objects");
        assertEquals("Objects 1 to 100 of 250", first.getElementById("gitops-page-range").getTextContent().trim());
        assertTrue(first.getWebResponse().getContentAsString().contains("+  data: from-git-49"), "diffs of the page's objects");
        assertFalse(first.getWebResponse().getContentAsString().contains("from-git-149"), "not those of other pages");

        HtmlPage last = first.getElementById("gitops-next-page").click();
        last = last.<org.htmlunit.html.HtmlAnchor>querySelector("#gitops-next-page").click();
        assertEquals("Objects 201 to 250 of 250", last.getElementById("gitops-page-range").getTextContent().trim());
        assertTrue(last.querySelector("#gitops-objects tbody tr td:nth-child(3)").getTextContent().contains("cm-00200"));
        assertTrue(last.querySelectorAll("#gitops-next-page").isEmpty(), "no page after the last");

        HtmlPage changed = web.getPage(b, "gitops-1/?show=changed");
        assertEquals("Objects 1 to 8 of 8", changed.getElementById("gitops-page-range").getTextContent().trim(),
                "3 created and 5 drifted");
    }

    @Test
    void jobPageAndBadgeReadTheJobStateNotTheBuilds() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("state");
        FreeStyleBuild b = buildWith(p, driftResult("shop-prod"));
        assertTrue(new java.io.File(p.getRootDir(), "gitops-sync.xml").isFile(), "the job's state file");

        // without the build's records the job page and the badge still know the latest sync: they read the state
        b.removeActions(GitOpsSyncAction.class);
        String jobPage = j.createWebClient().getPage(p).getWebResponse().getContentAsString();
        assertTrue(jobPage.contains("Latest sync in"), jobPage);
        assertTrue(jobPage.contains("shop-prod: failed at 1a2b3c4"), "the sync's line");
        String badge = j.createWebClient().goTo("job/state/gitops/badge", "image/svg+xml").getWebResponse().getContentAsString();
        assertTrue(badge.contains("failed"), badge);

        // a restart reads the file again; a newer build replaces it; the revision of each ApplySet is kept
        j.jenkins.reload();
        FreeStyleProject reloaded = j.jenkins.getItemByFullName("state", FreeStyleProject.class);
        assertEquals(1, JobSyncState.of(reloaded).getBuild());
        buildWith(reloaded, syncedResult("shop-stage"));
        JobSyncState s = JobSyncState.of(reloaded);
        assertEquals(2, s.getBuild());
        assertEquals(SyncStatus.Synced, s.getBadge().status());
        assertEquals(REV, s.revisionOf("shop-prod"), "an ApplySet synced in an earlier build");

        // deleting the latest sync build finds the state again from the builds left
        reloaded.getBuildByNumber(2).delete();
        assertEquals(1, JobSyncState.of(reloaded).getBuild());
    }

    @Test
    void detailPageHeadingNamesTheSyncNotTheBuild() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("heading");
        FreeStyleBuild b = buildWith(p, driftResult("shop-prod"), syncedResult("shop-stage"));

        HtmlPage page = j.createWebClient().getPage(b, "gitops-2/");

        assertEquals("GitOps sync: shop-stage", page.querySelector("h1").getTextContent().trim());
        assertTrue(page.getTitleText().contains("GitOps sync: shop-stage"), page.getTitleText());
    }

    @Test
    void historyBadgeShowsFailureOrDriftOnly() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("badges");
        FreeStyleBuild clean = buildWith(p, syncedResult("a"));
        assertFalse(clean.getAction(DriftBadgeAction.class).getState().isNoteworthy());
        FreeStyleBuild bad = buildWith(p, driftResult("a"));
        assertEquals(1, bad.getActions(DriftBadgeAction.class).size(), "one badge per build");
        assertTrue(bad.getAction(DriftBadgeAction.class).getState().isFailed());

        // the build history is loaded by the job page's script from this fragment
        String history = j.createWebClient().goTo("job/badges/buildHistory/ajax", null).getWebResponse().getContentAsString();
        assertTrue(history.contains("gitops-badge-failed"), "history shows the failure badge");

        String jobPage = j.createWebClient().getPage(p).getWebResponse().getContentAsString();
        assertTrue(jobPage.contains("id=\"gitops-job-state\""), "job page shows the latest sync state");
        assertTrue(jobPage.contains("job/badges/gitops/badge"), "job page shows the badge address");
    }

    @Test
    void badgeSaysUnknownBeforeTheFirstSync() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("fresh");
        p.getBuildersList().add(new GitOpsSyncBuilder("https://git.example.com/org/manifests.git"));

        Page badge = j.createWebClient().goTo("job/fresh/gitops/badge", "image/svg+xml");

        assertEquals(200, badge.getWebResponse().getStatusCode());
        assertTrue(badge.getWebResponse().getContentAsString().contains("unknown"), badge.getWebResponse().getContentAsString());
        String jobPage = j.createWebClient().getPage(j.createFreeStyleProject("unrelated")).getWebResponse().getContentAsString();
        assertFalse(jobPage.contains("gitops-job-state"), "jobs that never synced show no GitOps section");
    }

    @Test
    void publicBadgeNeedsViewStatusAndNeverRevealsAJob() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("public");
        buildWith(p, driftResult("a"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        MockAuthorizationStrategy auth = new MockAuthorizationStrategy().grant(Jenkins.READ, Item.READ).everywhere().to("reader");
        j.jenkins.setAuthorizationStrategy(auth);
        JenkinsRule.WebClient anonymous = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);

        Page hidden = anonymous.goTo("gitops-badge/?job=public", null);
        Page missing = anonymous.goTo("gitops-badge/?job=no-such-job", null);
        assertEquals(404, hidden.getWebResponse().getStatusCode());
        assertEquals(missing.getWebResponse().getStatusCode(), hidden.getWebResponse().getStatusCode());
        assertEquals(missing.getWebResponse().getContentAsString(), hidden.getWebResponse().getContentAsString(),
                "a hidden job answers exactly as a job that does not exist");

        auth.grant(GitOpsPermissions.VIEW_STATUS).onItems(p).toEveryone();
        Page shown = anonymous.goTo("gitops-badge/?job=public", null);
        assertEquals(200, shown.getWebResponse().getStatusCode());
        assertTrue(shown.getWebResponse().getContentType().startsWith("image/svg+xml"));
        assertTrue(shown.getWebResponse().getContentAsString().contains("failed"), shown.getWebResponse().getContentAsString());
        // the status permission reveals the badge only, not the job
        assertFalse(anonymous.goTo("job/public/", null).getWebResponse().getContentAsString().contains("gitops-job-state"),
                "the job page stays hidden");
        // readers see it through the job too
        Page viaJob = j.createWebClient().login("reader").goTo("job/public/gitops/badge", "image/svg+xml");
        assertTrue(viaJob.getWebResponse().getContentAsString().contains("<svg"));
    }

    @Test
    void svgBadgeServedToReadersOnly() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("svg");
        buildWith(p, syncedResult("a"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));

        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        Page badge = reader.goTo("job/svg/gitops/badge", "image/svg+xml");
        assertTrue(badge.getWebResponse().getContentAsString().contains("<svg"), "an SVG document");
        assertTrue(badge.getWebResponse().getContentAsString().contains("synced"), "says synced");
        assertTrue(badge.getWebResponse().getResponseHeaderValue("Cache-Control").contains("no-cache"));

        // an anonymous caller without Overall/Read is sent to the login page (200, an HTML form), never the SVG
        JenkinsRule.WebClient anonymous = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)
                .withRedirectEnabled(true);
        Page denied = anonymous.goTo("job/svg/gitops/badge", null);
        assertFalse(denied.getWebResponse().getContentAsString().contains("<svg"), "no badge for anonymous");
        assertFalse(denied.getWebResponse().getContentType().contains("svg"));
    }

    @Test
    void recordsSurviveARestart() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("persist");
        buildWith(p, driftResult("shop-prod"));

        j.jenkins.reload();

        FreeStyleProject reloaded = j.jenkins.getItemByFullName("persist", FreeStyleProject.class);
        GitOpsSyncAction action = reloaded.getLastBuild().getAction(GitOpsSyncAction.class);
        assertNotNull(action);
        assertEquals(REV, action.getRecord().getRevision());
        assertEquals(1, action.getRecord().getFailedObjects().size());
        assertEquals(1, action.getRecord().getDriftedObjects().size());
        assertEquals(SyncStatus.Failed, action.getRecord().getStatus());
        assertNotNull(action.getRun(), "the run is restored on load");
    }
}
