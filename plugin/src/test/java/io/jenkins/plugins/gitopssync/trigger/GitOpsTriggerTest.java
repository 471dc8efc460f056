package io.jenkins.plugins.gitopssync.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.User;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.Signing;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticator;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import jenkins.security.QueueItemAuthenticatorDescriptor;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.core.Authentication;

/**
 * The GitOps trigger: it starts a build with a cause naming the new revision, starts none when the
 * revision was synced already, and its configuration survives the form. The decision rule itself is
 * tested in {@link TriggerDecisionTest}.
 */
@WithJenkins
@ExtendWith(LocalRepositories.class)
class GitOpsTriggerTest {

    private JenkinsRule j;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    @AfterEach
    void tearDown() {
        GitOpsGlobalSettings.get().setTriggerTimeoutSeconds(120);
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
            repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "one"));
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

            repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "two"));
            String second = repo.commit("second");
            check(t);
            j.waitUntilNoActivity();
            Run<?, ?> b2 = p.getLastBuild();
            assertEquals(2, b2.getNumber());
            assertEquals("new revision " + second.substring(0, 7), b2.getCause(GitOpsTriggerCause.class).getReason());
        }
    }

    @Test
    void aRevisionWhoseSignatureDoesNotPassStartsNoBuildAndTheJobPageSaysWhy() throws Exception {
        Signing.SshKey alice = Signing.sshKey(tmp.resolve("alice"), "alice@example.org");
        Signing.SshKey mallory = Signing.sshKey(tmp.resolve("mallory"), "mallory@example.org");
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "one"));
            String unsigned = repo.commit("unsigned");
            WorkflowJob p = j.createProject(WorkflowJob.class, "verified");
            p.setDefinition(new CpsFlowDefinition("echo 'a sync would run here'", true));
            GitOpsTrigger t = trigger(p, repo.url());
            t.setVerifySignatures("commit");
            t.setTrustedKeys(alice.allowedSigners());

            check(t);
            j.waitUntilNoActivity();
            assertNull(p.getLastBuild(), "no build for an unsigned revision: " + t.getLastCheck());
            assertTrue(t.getLastCheck().contains("no build for " + unsigned.substring(0, 7)), t.getLastCheck());
            assertTrue(t.getLastCheck().contains("unsigned") || t.getLastCheck().contains("not signed"), t.getLastCheck());
            String page = j.createWebClient().getPage(p).asNormalizedText();
            assertTrue(page.contains("no build for " + unsigned.substring(0, 7)), page);

            // signed, but by a key nobody trusts: still no build
            repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "two"));
            String untrusted = Signing.commitSignedWith(tmp.resolve("repo"), mallory, "untrusted");
            check(t);
            j.waitUntilNoActivity();
            assertNull(p.getLastBuild(), "no build for an untrusted signer: " + t.getLastCheck());
            assertTrue(t.getLastCheck().contains("no build for " + untrusted.substring(0, 7)), t.getLastCheck());

            repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "three"));
            String signed = Signing.commitSignedWith(tmp.resolve("repo"), alice, "signed");
            check(t);
            j.waitUntilNoActivity();
            WorkflowRun b1 = p.getLastBuild();
            assertNotNull(b1, "a build for the trusted signature: " + t.getLastCheck());
            assertEquals("first sync of revision " + signed.substring(0, 7), b1.getCause(GitOpsTriggerCause.class).getReason());
        }
    }

    @Test
    void driftInTheClusterSchedulesASyncThatCorrectsIt() throws Exception {
        String kubeconfig = TestCluster.kubeconfigContent();
        String ns = TestCluster.unique("gitops-trig");
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            repo.write("cm.yaml", Manifests.configMapIn(ns, "cfg", "hello"));
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

    /**
     * Remotes that accept a connection and never answer: more hung checks than Jenkins' shared timer has
     * threads. The timer stays free for the rest of Jenkins, and every check ends at its time limit.
     */
    @Test
    void hungRemotesNeitherStallJenkinsTimerNorHangForever() throws Exception {
        GitOpsGlobalSettings.get().setTriggerTimeoutSeconds(3);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket hang = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!hang.isClosed()) {
                    try {
                        accepted.add(hang.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hung remote");
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + hang.getLocalPort() + "/manifests.git";
            List<GitOpsTrigger> triggers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                WorkflowJob p = j.createProject(WorkflowJob.class, "hung-" + i);
                p.setDefinition(new CpsFlowDefinition("echo 'never'", true));
                GitOpsTrigger t = trigger(p, url);
                t.run();
                triggers.add(t);
            }

            // Jenkins' own periodic work is not held up by the twelve hung checks
            jenkins.util.Timer.get().submit(() -> { }).get(5, TimeUnit.SECONDS);

            for (GitOpsTrigger t : triggers) {
                for (int i = 0; i < 200 && t.getLastCheck() == null; i++) {
                    Thread.sleep(100);
                }
                assertNotNull(t.getLastCheck(), "every check ends");
                assertTrue(t.getLastCheck().contains("timed out after 3 s") || t.getLastCheck().startsWith("check skipped"),
                        t.getLastCheck());
            }
            // the flag of a timed-out check is cleared: the next poll checks again
            String before = triggers.get(0).getLastCheck();
            hang.close();
            accepted.forEach(GitOpsTriggerTest::closeQuietly);
            check(triggers.get(0));
            assertTrue(triggers.get(0).getLastCheck() != before, "checked again");
            j.waitUntilNoActivity();
            for (int i = 0; i < 12; i++) {
                assertNull(j.jenkins.getItemByFullName("hung-" + i, WorkflowJob.class).getLastBuild(), "no build");
            }
        } finally {
            accepted.forEach(GitOpsTriggerTest::closeQuietly);
        }
    }

    /**
     * The trigger looks credentials up as the job's own authentication, as a build would, not as the
     * system: a job that runs as a user without Credentials/UseItem cannot send a global credential anywhere.
     */
    @Test
    void credentialsAreResolvedAsTheJobsAuthentication() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "one"));
            String first = repo.commit("first");
            TestCredentials.add(j.jenkins, TestCredentials.usernamePassword("git-cred", "ci", "s3cr3t-password"));
            j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
            // bob configures the job; it runs as alice, who may not use the job's credentials (nor configure it,
            // which would imply that)
            MockAuthorizationStrategy auth = new MockAuthorizationStrategy()
                    .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice")
                    .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("bob");
            j.jenkins.setAuthorizationStrategy(auth);
            WorkflowJob p = j.createProject(WorkflowJob.class, "as-alice");
            p.setDefinition(new CpsFlowDefinition("echo 'a sync would run here'", true));
            QueueItemAuthenticatorConfiguration.get().getAuthenticators()
                    .add(new RunAs(p.getFullName(), "alice"));
            GitOpsTrigger t = trigger(p, repo.url());
            t.setCredentialsId("git-cred");

            check(t);
            j.waitUntilNoActivity();
            assertTrue(t.getLastCheck().contains("Git credential 'git-cred' was not found or is not usable by this job"),
                    t.getLastCheck());
            assertNull(p.getLastBuild(), "nothing started with a credential the job may not use");

            // once alice may use the job's credentials, the trigger may too (as a build of the job would)
            auth.grant(CredentialsProvider.USE_ITEM).everywhere().to("alice");
            check(t);
            j.waitUntilNoActivity();
            assertNotNull(p.getLastBuild(), t.getLastCheck());
            assertEquals("first sync of revision " + first.substring(0, 7),
                    p.getLastBuild().getCause(GitOpsTriggerCause.class).getReason());
        }
    }

    /** A cluster credential that is missing does not stop the revision check, and is reported once. */
    @Test
    void aMissingClusterCredentialStillLetsNewRevisionsStartBuilds() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"));
             LogRecorder logs = new LogRecorder().record(GitOpsTrigger.class, Level.WARNING).capture(20)) {
            repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "one"));
            String first = repo.commit("first");
            WorkflowJob p = j.createProject(WorkflowJob.class, "no-kubeconfig");
            p.setDefinition(new CpsFlowDefinition("echo 'a sync would run here'", true));
            GitOpsTrigger t = trigger(p, repo.url());
            t.setKubeconfigCredentialsId("missing");
            t.setCheckDrift(true);

            check(t);
            j.waitUntilNoActivity();
            assertNotNull(p.getLastBuild(), "the new revision started a build: " + t.getLastCheck());
            assertEquals("first sync of revision " + first.substring(0, 7),
                    p.getLastBuild().getCause(GitOpsTriggerCause.class).getReason());
            assertTrue(t.getLastCheck().contains("cluster not checked: Kubeconfig credential 'missing' was not found"),
                    t.getLastCheck());

            check(t);
            j.waitUntilNoActivity();
            assertEquals(1, logs.getMessages().stream().filter(m -> m.contains("Kubeconfig credential 'missing'")).count(),
                    "logged once, not at every poll: " + logs.getMessages());
        }
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

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // the test is done with it
        }
    }

    /**
     * Makes one job run as one user, for tasks as well as queue items (the harness's
     * MockQueueItemAuthenticator answers for queue items only, and the trigger has no queue item).
     */
    static final class RunAs extends QueueItemAuthenticator {
        private final String job;
        private final String user;

        RunAs(String job, String user) {
            this.job = job;
            this.user = user;
        }

        @Override
        public Authentication authenticate2(Queue.Task task) {
            return task instanceof Item item && item.getFullName().equals(job) ? User.getById(user, true).impersonate2() : null;
        }

        @Override
        public Authentication authenticate2(Queue.Item item) {
            return authenticate2(item.task);
        }

        @TestExtension
        public static final class DescriptorImpl extends QueueItemAuthenticatorDescriptor {
        }
    }
}
