package io.jenkins.plugins.gitopssync.pages;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The phases and waves of a sync, with their times and hooks, on the build page and the sync's detail page. */
class PhasesViewsTest extends JenkinsTestBase {

    static SyncRecord phasedRecord() {
        List<ObjectResult> objects = List.of();
        SyncResult r = new SyncResult(GitOpsViewsTest.REV, "app", "shop", SyncStatus.Failed, false, objects,
                Totals.of(objects), Map.of(), 5200, 40, List.of("hook Job/shop/migrate-x7k2p failed"), List.of(), null,
                List.of(new WaveResult("PreSync", 0, 0, 1, "2026-12-07T09:58:31.250Z", 3200, WaveResult.FAILED),
                        new WaveResult("Sync", -1, 2, 0, null, 0, WaveResult.NOT_RUN),
                        new WaveResult("SyncFail", 0, 0, 1, "2026-12-07T09:58:34.500Z", 1100, WaveResult.SYNCED)),
                List.of(new HookResult("PreSync", 0, "batch", "v1", "Job", "shop", "migrate-x7k2p", "app/migrate.yaml:1",
                                HookResult.State.FAILED, "container exited: <script>alert(1)</script>", false),
                        new HookResult("SyncFail", 0, "batch", "v1", "Job", "shop", "page-k2x9q", "app/page.yaml:1",
                                HookResult.State.SUCCEEDED, null, true)), null);
        return SyncRecord.of(r, "https://git.example.com/org/manifests.git", "main");
    }

    @Test
    void wavesWithTheirTimesAndHooksOnBothPages() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("phases");
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        GitOpsSyncAction.attach(b, phasedRecord());
        b.save();

        String summary = j.createWebClient().getPage(b).getWebResponse().getContentAsString();
        assertThat(summary).as("first wave with its time").contains("PreSync wave 0 failed in 3.2 s");
        assertThat(summary).as("a wave that did not run").contains("Sync wave -1 not run");
        assertThat(summary).as("the SyncFail hook's wave").contains("SyncFail wave 0 synced in 1.1 s");

        String detail = j.createWebClient().getPage(b, "gitops-1/").getWebResponse().getContentAsString();
        assertThat(detail).as("both tables").contains("id=\"gitops-waves\"", "id=\"gitops-hooks\"");
        assertThat(detail).as("when the wave started").contains("2026-12-07T09:58:31.250Z");
        assertThat(detail).as("hook and source").contains("Job/shop/migrate-x7k2p", "app/migrate.yaml:1");
        assertThat(detail).as("state and delete policy").contains("gitops-hook-succeeded", "deleted");
        assertThat(detail).as("a hook's message is escaped").doesNotContain("<script>alert(1)");
    }

    @Test
    void wavesSurviveARestartAndOldRecordsHaveNone() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("phases-persist");
        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        GitOpsSyncAction.attach(b, phasedRecord());
        GitOpsSyncAction.attach(b, io.jenkins.plugins.gitopssync.testing.SyncRecords.record(SyncStatus.Synced, false,
                List.of(io.jenkins.plugins.gitopssync.testing.SyncRecords.object("ConfigMap", "shop", "cfg", "created", false, null)),
                List.of()));
        b.save();

        j.jenkins.reload();

        List<GitOpsSyncAction> actions = j.jenkins.getItemByFullName("phases-persist", FreeStyleProject.class)
                .getLastBuild().getActions(GitOpsSyncAction.class);
        SyncRecord phased = actions.get(0).getRecord();
        assertThat(phased.getWaves()).hasSize(3);
        assertThat(phased.getHooks().get(0).getName()).isEqualTo("migrate-x7k2p");
        assertThat(phased.isPhased()).isTrue();
        assertThat(actions.get(1).getRecord().isPhased()).as("a record without waves shows none").isFalse();
    }
}
