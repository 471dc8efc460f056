package io.jenkins.plugins.gitopssync.pages;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(stored).as("the fixture is in the previous format").contains("<objects>", "<diff>");
        j.jenkins.reload();
        FreeStyleProject p = j.jenkins.getItemByFullName("legacy", FreeStyleProject.class);

        // build 1: its record's groups are made on load; every object and diff come from its JSON report
        FreeStyleBuild b1 = p.getBuildByNumber(1);
        SyncRecord r1 = b1.getAction(GitOpsSyncAction.class).getRecord();
        assertThat(r1.getStatus()).isEqualTo(SyncStatus.Failed);
        assertThat(r1.getFailedObjects().get(0).getDisplayName()).isEqualTo("Job/shop/migrate");
        assertThat(r1.getFailedObjects().get(0).getError()).isEqualTo("spec.template: field is immutable");
        assertThat(r1.getDriftedObjects().get(0).getDisplayName()).isEqualTo("Deployment/shop/web");
        assertThat(r1.getDriftedObjects().get(0).getDiff()).as("the groups keep no diff").isNull();
        JenkinsRule.WebClient web = j.createWebClient();
        HtmlPage detail1 = web.getPage(b1, "gitops-1/");
        assertThat(detail1.querySelectorAll("#gitops-objects tbody tr")).hasSize(3);
        assertThat(detail1.getWebResponse().getContentAsString()).as("its diff, from the report").contains("+  replicas: 1");
        assertThat(web.getPage(b1).getWebResponse().getContentAsString()).as("build page").contains("GitOps sync of shop-prod");

        // build 2: no JSON report: the objects it kept in build.xml are paged instead
        FreeStyleBuild b2 = p.getBuildByNumber(2);
        SyncRecord r2 = b2.getAction(GitOpsSyncAction.class).getRecord();
        ObjectGroup drifted = r2.group(NotableObjects.Kind.DRIFTED);
        assertThat(drifted.getTotal()).isEqualTo(30);
        assertThat(drifted.getObjects()).hasSize(NotableObjects.LIMIT);
        HtmlPage detail2 = web.getPage(b2, "gitops-1/");
        assertThat(detail2.querySelector(".gitops-group-drifted").getTextContent().trim()).isEqualTo("Drifted: 30");
        assertThat(detail2.getWebResponse().getContentAsString()).contains("and 10 more");
        assertThat(detail2.getElementById("gitops-page-range").getTextContent().trim()).isEqualTo("Objects 1 to 100 of 250");
        assertThat(detail2.getWebResponse().getContentAsString()).as("diffs of the page, from build.xml").contains("+  x: git-8");
        HtmlPage changed = web.getPage(b2, "gitops-1/?show=changed");
        assertThat(changed.getElementById("gitops-page-range").getTextContent().trim()).isEqualTo("Objects 1 to 30 of 30");

        // the job had no state file: it is found once from the builds
        assertThat(JobSyncState.of(p).getBuild()).isEqualTo(2);
        assertThat(web.getPage(p).getWebResponse().getContentAsString()).contains("big: synced at 1a2b3c4");
    }
}
