package io.jenkins.plugins.gitopssync.pages;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(html).as("first sync listed").contains("GitOps sync of shop-prod");
        assertThat(html).as("second sync listed").contains("GitOps sync of shop-stage");
        assertThat(html).as("links to both detail pages").contains("href=\"gitops-1/\"", "href=\"gitops-2/\"");
        assertThat(html).as("revision links to the commit").contains("https://git.example.com/org/manifests/commit/" + REV);
        assertThat(html).as("counts shown").contains("created 0, configured 1, unchanged 1, pruned 0");
        assertThat(html).as("drifted object named").contains("Deployment/shop/web");
    }

    @Test
    void detailPageShowsObjectsEscapedDiffsAndErrors() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("detail");
        FreeStyleBuild b = buildWith(p, driftResult("shop-prod"));

        String html = j.createWebClient().getPage(b, "gitops-1/").getWebResponse().getContentAsString();

        assertThat(html).as("object table rendered").contains("id=\"gitops-objects\"");
        assertThat(html).as("source file:line shown").contains("deploy/web.yaml:1", "deploy/job.yaml:1");
        assertThat(html).as("object error shown").contains("spec.template: field is immutable");
        assertThat(html).as("warning shown").contains("deprecated API: batch/v1beta1");
        assertThat(html).as("diff shown").contains("+  replicas: 1");
        // Jelly escapes < and & (enough: no tag can open); what matters is that nothing can run
        assertThat(html.contains("&lt;script>alert(1)&lt;/script>") || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .as("diff escaped").isTrue();
        assertThat(html).as("never rendered raw").doesNotContain("<script>alert(1)");
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
        assertThat(first.querySelector(".gitops-group-drifted").getTextContent().trim()).isEqualTo("Drifted: 5");
        assertThat(first.querySelector(".gitops-group-created").getTextContent().trim()).isEqualTo("Created: 3");
        assertThat(first.querySelectorAll("#gitops-objects tbody tr")).as("the first page of objects").hasSize(100);
        assertThat(first.getElementById("gitops-page-range").getTextContent().trim()).isEqualTo("Objects 1 to 100 of 250");
        assertThat(first.getWebResponse().getContentAsString()).as("diffs of the page's objects").contains("+  data: from-git-49");
        assertThat(first.getWebResponse().getContentAsString()).as("not those of other pages").doesNotContain("from-git-149");

        HtmlPage last = first.getElementById("gitops-next-page").click();
        last = last.<org.htmlunit.html.HtmlAnchor>querySelector("#gitops-next-page").click();
        assertThat(last.getElementById("gitops-page-range").getTextContent().trim()).isEqualTo("Objects 201 to 250 of 250");
        assertThat(last.querySelector("#gitops-objects tbody tr td:nth-child(3)").getTextContent()).contains("cm-00200");
        assertThat(last.querySelectorAll("#gitops-next-page")).as("no page after the last").isEmpty();

        HtmlPage changed = web.getPage(b, "gitops-1/?show=changed");
        assertThat(changed.getElementById("gitops-page-range").getTextContent().trim())
                .as("3 created and 5 drifted").isEqualTo("Objects 1 to 8 of 8");
    }

    @Test
    void jobPageAndBadgeReadTheJobStateNotTheBuilds() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("state");
        FreeStyleBuild b = buildWith(p, driftResult("shop-prod"));
        assertThat(new java.io.File(p.getRootDir(), "gitops-sync.xml")).as("the job's state file").isFile();

        // without the build's records the job page and the badge still know the latest sync: they read the state
        b.removeActions(GitOpsSyncAction.class);
        String jobPage = j.createWebClient().getPage(p).getWebResponse().getContentAsString();
        assertThat(jobPage).as(jobPage).contains("Latest sync in");
        assertThat(jobPage).as("the sync's line").contains("shop-prod: failed at 1a2b3c4");
        String badge = j.createWebClient().goTo("job/state/gitops/badge", "image/svg+xml").getWebResponse().getContentAsString();
        assertThat(badge).as(badge).contains("failed");

        // a restart reads the file again; a newer build replaces it; the revision of each ApplySet is kept
        j.jenkins.reload();
        FreeStyleProject reloaded = j.jenkins.getItemByFullName("state", FreeStyleProject.class);
        assertThat(JobSyncState.of(reloaded).getBuild()).isEqualTo(1);
        buildWith(reloaded, syncedResult("shop-stage"));
        JobSyncState s = JobSyncState.of(reloaded);
        assertThat(s.getBuild()).isEqualTo(2);
        assertThat(s.getBadge().status()).isEqualTo(SyncStatus.Synced);
        assertThat(s.revisionOf("shop-prod")).as("an ApplySet synced in an earlier build").isEqualTo(REV);

        // deleting the latest sync build finds the state again from the builds left
        reloaded.getBuildByNumber(2).delete();
        assertThat(JobSyncState.of(reloaded).getBuild()).isEqualTo(1);
    }

    @Test
    void detailPageHeadingNamesTheSyncNotTheBuild() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("heading");
        FreeStyleBuild b = buildWith(p, driftResult("shop-prod"), syncedResult("shop-stage"));

        HtmlPage page = j.createWebClient().getPage(b, "gitops-2/");

        assertThat(page.querySelector("h1").getTextContent().trim()).isEqualTo("GitOps sync: shop-stage");
        assertThat(page.getTitleText()).as(page.getTitleText()).contains("GitOps sync: shop-stage");
    }

    @Test
    void historyBadgeShowsFailureOrDriftOnly() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("badges");
        FreeStyleBuild clean = buildWith(p, syncedResult("a"));
        assertThat(clean.getAction(DriftBadgeAction.class).getState().isNoteworthy()).isFalse();
        FreeStyleBuild bad = buildWith(p, driftResult("a"));
        assertThat(bad.getActions(DriftBadgeAction.class)).as("one badge per build").hasSize(1);
        assertThat(bad.getAction(DriftBadgeAction.class).getState().isFailed()).isTrue();

        // the build history is loaded by the job page's script from this fragment
        String history = j.createWebClient().goTo("job/badges/buildHistory/ajax", null).getWebResponse().getContentAsString();
        assertThat(history).as("history shows the failure badge").contains("gitops-badge-failed");

        String jobPage = j.createWebClient().getPage(p).getWebResponse().getContentAsString();
        assertThat(jobPage).as("job page shows the latest sync state").contains("id=\"gitops-job-state\"");
        assertThat(jobPage).as("job page shows the badge address").contains("job/badges/gitops/badge");
    }

    @Test
    void badgeSaysUnknownBeforeTheFirstSync() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("fresh");
        p.getBuildersList().add(new GitOpsSyncBuilder("https://git.example.com/org/manifests.git"));

        Page badge = j.createWebClient().goTo("job/fresh/gitops/badge", "image/svg+xml");

        assertThat(badge.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(badge.getWebResponse().getContentAsString()).as(badge.getWebResponse().getContentAsString()).contains("unknown");
        String jobPage = j.createWebClient().getPage(j.createFreeStyleProject("unrelated")).getWebResponse().getContentAsString();
        assertThat(jobPage).as("jobs that never synced show no GitOps section").doesNotContain("gitops-job-state");
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
        assertThat(hidden.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(hidden.getWebResponse().getStatusCode()).isEqualTo(missing.getWebResponse().getStatusCode());
        assertThat(hidden.getWebResponse().getContentAsString())
                .as("a hidden job answers exactly as a job that does not exist").isEqualTo(missing.getWebResponse().getContentAsString());

        auth.grant(GitOpsPermissions.VIEW_STATUS).onItems(p).toEveryone();
        Page shown = anonymous.goTo("gitops-badge/?job=public", null);
        assertThat(shown.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(shown.getWebResponse().getContentType()).startsWith("image/svg+xml");
        assertThat(shown.getWebResponse().getContentAsString()).as(shown.getWebResponse().getContentAsString()).contains("failed");
        // the status permission reveals the badge only, not the job
        assertThat(anonymous.goTo("job/public/", null).getWebResponse().getContentAsString())
                .as("the job page stays hidden").doesNotContain("gitops-job-state");
        // readers see it through the job too
        Page viaJob = j.createWebClient().login("reader").goTo("job/public/gitops/badge", "image/svg+xml");
        assertThat(viaJob.getWebResponse().getContentAsString()).contains("<svg");
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
        assertThat(badge.getWebResponse().getContentAsString()).as("an SVG document").contains("<svg");
        assertThat(badge.getWebResponse().getContentAsString()).as("says synced").contains("synced");
        assertThat(badge.getWebResponse().getResponseHeaderValue("Cache-Control")).contains("no-cache");

        // an anonymous caller without Overall/Read is sent to the login page (200, an HTML form), never the SVG
        JenkinsRule.WebClient anonymous = j.createWebClient().withThrowExceptionOnFailingStatusCode(false)
                .withRedirectEnabled(true);
        Page denied = anonymous.goTo("job/svg/gitops/badge", null);
        assertThat(denied.getWebResponse().getContentAsString()).as("no badge for anonymous").doesNotContain("<svg");
        assertThat(denied.getWebResponse().getContentType()).doesNotContain("svg");
    }

    @Test
    void recordsSurviveARestart() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("persist");
        buildWith(p, driftResult("shop-prod"));

        j.jenkins.reload();

        FreeStyleProject reloaded = j.jenkins.getItemByFullName("persist", FreeStyleProject.class);
        GitOpsSyncAction action = reloaded.getLastBuild().getAction(GitOpsSyncAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getRecord().getRevision()).isEqualTo(REV);
        assertThat(action.getRecord().getFailedObjects()).hasSize(1);
        assertThat(action.getRecord().getDriftedObjects()).hasSize(1);
        assertThat(action.getRecord().getStatus()).isEqualTo(SyncStatus.Failed);
        assertThat(action.getRun()).as("the run is restored on load").isNotNull();
    }
}
