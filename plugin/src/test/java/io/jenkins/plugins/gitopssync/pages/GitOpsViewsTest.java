package io.jenkins.plugins.gitopssync.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.freestyle.GitOpsSyncBuilder;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The build page summary, the detail page, the build history badge, the job page and the SVG badge,
 * rendered by Jenkins from recorded syncs (no cluster needed: the records are made here).
 */
@WithJenkins
class GitOpsViewsTest {

    static final String REV = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    static SyncRecord driftRecord(String applySet) {
        List<SyncedObject> objects = List.of(
                new SyncedObject("apps", "v1", "Deployment", "shop", "web", "configured", true,
                        "-  replicas: 3\n+  replicas: 1\n+  note: <script>alert(1)</script>\n", null, "deploy/web.yaml:1", "Healthy"),
                new SyncedObject("", "v1", "Secret", "shop", "db", "unchanged", false, "", null, "deploy/db.yaml:3", null),
                new SyncedObject("batch", "v1", "Job", "shop", "migrate", "failed", false, "", "spec.template: field is immutable",
                        "deploy/job.yaml:1", null));
        return new SyncRecord("https://git.example.com/org/manifests.git", "main", REV, "deploy", applySet, SyncStatus.Failed,
                false, objects, new Totals(0, 1, 1, 0, 0, 1, 1), 2300, 12, List.of(), List.of("deprecated API: batch/v1beta1"));
    }

    static SyncRecord syncedRecord(String applySet) {
        return new SyncRecord("file:///srv/git/manifests", "v1.2", REV, ".", applySet, SyncStatus.Synced, false,
                List.of(new SyncedObject("", "v1", "ConfigMap", "shop", "cfg", "created", false, "", null, "cfg.yaml:1", null)),
                new Totals(1, 0, 0, 0, 0, 0, 0), 800, 5, List.of(), List.of());
    }

    private FreeStyleBuild buildWith(FreeStyleProject p, SyncRecord... records) throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        for (SyncRecord r : records) {
            GitOpsSyncAction.attach(b, r);
        }
        b.save();
        return b;
    }

    @Test
    void buildPageListsEverySyncWithRevisionLinkAndCounts() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("views");
        FreeStyleBuild b = buildWith(p, driftRecord("shop-prod"), syncedRecord("shop-stage"));

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
        FreeStyleBuild b = buildWith(p, driftRecord("shop-prod"));

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

    @Test
    void detailPageHeadingNamesTheSyncNotTheBuild() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("heading");
        FreeStyleBuild b = buildWith(p, driftRecord("shop-prod"), syncedRecord("shop-stage"));

        HtmlPage page = j.createWebClient().getPage(b, "gitops-2/");

        assertEquals("GitOps sync: shop-stage", page.querySelector("h1").getTextContent().trim());
        assertTrue(page.getTitleText().contains("GitOps sync: shop-stage"), page.getTitleText());
    }

    @Test
    void historyBadgeShowsFailureOrDriftOnly() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("badges");
        FreeStyleBuild clean = buildWith(p, syncedRecord("a"));
        assertFalse(clean.getAction(DriftBadgeAction.class).getState().isNoteworthy());
        FreeStyleBuild bad = buildWith(p, driftRecord("a"));
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
        buildWith(p, driftRecord("a"));
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
        buildWith(p, syncedRecord("a"));
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
        buildWith(p, driftRecord("shop-prod"));

        j.jenkins.reload();

        FreeStyleProject reloaded = j.jenkins.getItemByFullName("persist", FreeStyleProject.class);
        GitOpsSyncAction action = reloaded.getLastBuild().getAction(GitOpsSyncAction.class);
        assertNotNull(action);
        assertEquals(REV, action.getRecord().getRevision());
        assertEquals(3, action.getRecord().getObjects().size());
        assertEquals(SyncStatus.Failed, action.getRecord().getStatus());
        assertNotNull(action.getRun(), "the run is restored on load");
    }
}
