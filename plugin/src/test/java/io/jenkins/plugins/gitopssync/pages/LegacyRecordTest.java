package io.jenkins.plugins.gitopssync.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import java.io.File;
import java.nio.file.Files;
import org.apache.commons.io.FileUtils;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Builds recorded by the previous version, which kept every object with its diff in build.xml: a job written by
 * that version's code (LegacyRecordTest/jobs/legacy: build 1 with its JSON report, build 2 of 250 objects whose
 * report is missing) loads, and its pages show what they showed.
 */
@WithJenkins
class LegacyRecordTest {

    @Test
    void buildsOfThePreviousFormatLoadAndShow(JenkinsRule j) throws Exception {
        File fixture = new File(LegacyRecordTest.class.getResource("LegacyRecordTest/jobs/legacy").toURI());
        FileUtils.copyDirectory(fixture, new File(j.jenkins.getRootDir(), "jobs/legacy"));
        String stored = Files.readString(fixture.toPath().resolve("builds/2/build.xml"));
        assertTrue(stored.contains("<objects>") && stored.contains("<diff>"), "the fixture is in the previous format");
        j.jenkins.reload();
        FreeStyleProject p = j.jenkins.getItemByFullName("legacy", FreeStyleProject.class);

        // build 1: its record's groups are made on load; every object and diff come from its JSON report
        FreeStyleBuild b1 = p.getBuildByNumber(1);
        SyncRecord r1 = b1.getAction(GitOpsSyncAction.class).getRecord();
        assertEquals(SyncStatus.Failed, r1.getStatus());
        assertEquals("Job/shop/migrate", r1.getFailedObjects().get(0).getDisplayName());
        assertEquals("spec.template: field is immutable", r1.getFailedObjects().get(0).getError());
        assertEquals("Deployment/shop/web", r1.getDriftedObjects().get(0).getDisplayName());
        assertNull(r1.getDriftedObjects().get(0).getDiff(), "the groups keep no diff");
        JenkinsRule.WebClient web = j.createWebClient();
        HtmlPage detail1 = web.getPage(b1, "gitops-1/");
        assertEquals(3, detail1.querySelectorAll("#gitops-objects tbody tr").size());
        assertTrue(detail1.getWebResponse().getContentAsString().contains("+  replicas: 1"), "its diff, from the report");
        assertTrue(web.getPage(b1).getWebResponse().getContentAsString().contains("GitOps sync of shop-prod"), "build page");

        // build 2: no JSON report: the objects it kept in build.xml are paged instead
        FreeStyleBuild b2 = p.getBuildByNumber(2);
        SyncRecord r2 = b2.getAction(GitOpsSyncAction.class).getRecord();
        ObjectGroup drifted = r2.group(NotableObjects.Kind.DRIFTED);
        assertEquals(30, drifted.getTotal());
        assertEquals(NotableObjects.LIMIT, drifted.getObjects().size());
        HtmlPage detail2 = web.getPage(b2, "gitops-1/");
        assertEquals("Drifted: 30", detail2.querySelector(".gitops-group-drifted").getTextContent().trim());
        assertTrue(detail2.getWebResponse().getContentAsString().contains("and 10 more"));
        assertEquals("Objects 1 to 100 of 250", detail2.getElementById("gitops-page-range").getTextContent().trim());
        assertTrue(detail2.getWebResponse().getContentAsString().contains("+  x: git-8"), "diffs of the page, from build.xml");
        HtmlPage changed = web.getPage(b2, "gitops-1/?show=changed");
        assertEquals("Objects 1 to 30 of 30", changed.getElementById("gitops-page-range").getTextContent().trim());

        // the job had no state file: it is found once from the builds
        assertEquals(2, JobSyncState.of(p).getBuild());
        assertTrue(web.getPage(p).getWebResponse().getContentAsString().contains("big: synced at 1a2b3c4"));
    }
}
