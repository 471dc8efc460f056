package io.jenkins.plugins.gitopssync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import hudson.model.Run;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The GitOps trigger: it starts a build with a cause naming the new revision, starts none when the
 * revision was synced already, and its configuration survives the form. The decision rule itself is
 * tested in {@link SyncLogicTest}.
 */
@WithJenkins
class GitOpsTriggerTest {

    private JenkinsRule j;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    /** Runs one check (on the timer pool, as cron would) and waits until it has reported. */
    private static void check(GitOpsTrigger t) throws InterruptedException {
        String before = t.getLastCheck();
        t.run();
        for (int i = 0; i < 600 && (t.getLastCheck() == null || t.getLastCheck() == before); i++) {
            Thread.sleep(100);
        }
        assertNotNull(t.getLastCheck(), "the check reported");
    }

    private GitOpsTrigger trigger(WorkflowJob p, String url) throws IOException {
        GitOpsTrigger t = new GitOpsTrigger("H/5 * * * *");
        t.setUrl(url);
        t.setRef("main");
        t.setApplySet("shop");
        p.addTrigger(t);
        t.start(p, true);
        return t;
    }

    @Test
    void newRevisionSchedulesABuildWithItsCause() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", TestRepo.configMap("default", "cfg", "one"));
            String first = repo.commit("first");
            WorkflowJob p = j.createProject(WorkflowJob.class, "triggered");
            p.setDefinition(new CpsFlowDefinition("echo 'a sync would run here'", true));
            GitOpsTrigger t = trigger(p, repo.url());

            check(t);
            j.waitUntilNoActivity();

            WorkflowRun b1 = p.getLastBuild();
            assertNotNull(b1, "a build was scheduled: " + t.getLastCheck());
            GitOpsTriggerCause cause = b1.getCause(GitOpsTriggerCause.class);
            assertNotNull(cause);
            assertEquals("first sync of revision " + first.substring(0, 7), cause.getReason());
            j.assertLogContains("Started by the GitOps trigger: first sync of revision " + first.substring(0, 7), b1);

            // that build recorded no sync (its script does not sync): the same revision is not tried again
            check(t);
            j.waitUntilNoActivity();
            assertEquals(1, p.getLastBuild().getNumber(), "no second build for the same revision: " + t.getLastCheck());

            // once a build has synced that revision, the check finds nothing new
            GitOpsSyncAction.attach(b1, synced(repo.url(), first));
            b1.save();
            check(t);
            j.waitUntilNoActivity();
            assertEquals(1, p.getLastBuild().getNumber(), "no build for an already synced revision: " + t.getLastCheck());
            assertTrue(t.getLastCheck().contains("nothing to do"), t.getLastCheck());

            repo.write("cm.yaml", TestRepo.configMap("default", "cfg", "two"));
            String second = repo.commit("second");
            check(t);
            j.waitUntilNoActivity();
            Run<?, ?> b2 = p.getLastBuild();
            assertEquals(2, b2.getNumber());
            assertEquals("new revision " + second.substring(0, 7), b2.getCause(GitOpsTriggerCause.class).getReason());
        }
    }

    @Test
    void driftInTheClusterSchedulesASyncThatCorrectsIt() throws Exception {
        String kubeconfig = TestCluster.kubeconfigContent();
        String ns = TestCluster.unique("gitops-trig");
        TestCluster.createNamespace(ns);
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", TestRepo.configMap(ns, "cfg", "hello"));
            repo.commit("first");
            TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", kubeconfig));
            WorkflowJob p = j.createProject(WorkflowJob.class, "drift-trigger");
            p.setDefinition(new CpsFlowDefinition("node { gitopsSync(url: '" + repo.url() + "', ref: 'main', namespace: '" + ns
                    + "', applySet: '" + ns + "', kubeconfigCredentialsId: 'kc') }", true));
            j.buildAndAssertSuccess(p);
            GitOpsTrigger t = new GitOpsTrigger("H/5 * * * *");
            t.setUrl(repo.url());
            t.setRef("main");
            t.setNamespace(ns);
            t.setApplySet(ns);
            t.setKubeconfigCredentialsId("kc");
            t.setCheckDrift(true);
            p.addTrigger(t);
            t.start(p, true);

            check(t);
            j.waitUntilNoActivity();
            assertEquals(1, p.getLastBuild().getNumber(), "nothing changed yet: " + t.getLastCheck());

            try (KubernetesClient c = TestCluster.client()) {
                c.configMaps().inNamespace(ns).withName("cfg").edit(cm -> {
                    cm.getData().put("greeting", "changed by hand");
                    return cm;
                });
            }
            check(t);
            j.waitUntilNoActivity();
            WorkflowRun b2 = p.getLastBuild();
            assertEquals(2, b2.getNumber(), "drift starts a build: " + t.getLastCheck());
            assertEquals("1 object drifted", b2.getCause(GitOpsTriggerCause.class).getReason());
            j.assertBuildStatusSuccess(b2);

            check(t);
            j.waitUntilNoActivity();
            assertEquals(2, p.getLastBuild().getNumber(), "the build corrected the drift: " + t.getLastCheck());
        } finally {
            TestCluster.deleteNamespace(ns);
        }
    }

    private static SyncRecord synced(String url, String revision) {
        return new SyncRecord(url, "main", revision, ".", "shop", SyncStatus.Synced, false, List.of(),
                new Totals(0, 0, 1, 0, 0, 0, 0), 100, 3, List.of(), List.of());
    }

    @Test
    void unreachableRepositoryStartsNoBuild() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "unreachable");
        p.setDefinition(new CpsFlowDefinition("echo 'never'", true));
        GitOpsTrigger t = trigger(p, tmp.resolve("no-such-repo").toUri().toString());

        check(t);
        j.waitUntilNoActivity();

        assertNull(p.getLastBuild(), "no build when the remote cannot be read");
        assertTrue(t.getLastCheck().startsWith("check failed"), t.getLastCheck());
    }

    @Test
    void triggerWithoutJobDoesNothing() {
        GitOpsTrigger t = new GitOpsTrigger("H * * * *");
        t.setUrl("https://git.example.com/r.git");
        t.run();
        assertNull(t.getLastCheck(), "run() before start() returns at once");
    }

    @Test
    void configRoundtripOnAFreestyleJob() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("trigger-config");
        GitOpsTrigger t = new GitOpsTrigger("H/10 * * * *");
        t.setUrl("https://git.example.com/org/manifests.git");
        t.setRef("main");
        t.setPath("clusters/prod");
        t.setNamespace("shop");
        t.setApplySet("shop-prod");
        t.setCheckDrift(true);
        p.addTrigger(t);

        j.configRoundtrip(p);

        GitOpsTrigger after = GitOpsTrigger.of(p);
        assertNotNull(after);
        j.assertEqualDataBoundBeans(t, after);
        assertEquals("H/10 * * * *", after.getSpec());
    }
}
