package io.jenkins.plugins.gitopssync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.User;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.Signing;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
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
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.LogRecorder;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.springframework.security.core.Authentication;

/**
 * The GitOps trigger: it starts a build with a cause naming the new revision, starts none when the
 * revision was synced already, and its configuration survives the form. The decision rule itself is
 * tested in {@link TriggerDecisionTest}.
 */
@ExtendWith(LocalRepositories.class)
class GitOpsTriggerTest extends JenkinsTestBase {

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-trig");

    @AfterEach
    void tearDown() {
        GitOpsGlobalSettings.get().setTriggerTimeoutSeconds(120);
    }

    /** Runs one check and waits for it and for the build it may have started. */
    private void check(GitOpsTrigger t) throws Exception {
        TriggerTesting.checkNow(t);
        j.waitUntilNoActivity();
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

    /** A job whose script only echoes (it records no sync), triggered by the sandbox's repository. */
    private WorkflowJob echoJobTriggered(String name) throws Exception {
        WorkflowJob p = pipeline(name, "echo 'a sync would run here'");
        trigger(p, sandbox.repo().url());
        return p;
    }

    /** Commits a ConfigMap in the default namespace greeting {@code greeting}; returns the commit id. */
    private String commit(String greeting, String message) {
        return sandbox.repo().write("cm.yaml", Manifests.configMapIn("default", "cfg", greeting)).commit(message);
    }

    private static String causeOf(Run<?, ?> build) {
        return build.getCause(GitOpsTriggerCause.class).getReason();
    }

    @Test
    void newRevisionSchedulesABuildWithItsCause() throws Exception {
        String first = commit("one", "first");
        WorkflowJob p = echoJobTriggered("triggered");
        GitOpsTrigger t = GitOpsTrigger.of(p);

        check(t);

        WorkflowRun b1 = p.getLastBuild();
        assertThat(b1).as("a build was scheduled: " + t.getLastCheck()).isNotNull();
        GitOpsTriggerCause cause = b1.getCause(GitOpsTriggerCause.class);
        assertThat(cause).isNotNull();
        assertThat(cause.getReason()).isEqualTo("first sync of revision " + first.substring(0, 7));
        j.assertLogContains("Started by the GitOps trigger: first sync of revision " + first.substring(0, 7), b1);

        // that build recorded no sync (its script does not sync): the same revision is not tried again
        check(t);
        assertThat(p.getLastBuild().getNumber()).as("no second build for the same revision: " + t.getLastCheck()).isEqualTo(1);

        // once a build has synced that revision, the check finds nothing new
        // (as a build that synced records it: the record on the build, then the build's completion seen by the job's state)
        GitOpsSyncAction.attach(b1, synced(sandbox.repo().url(), first));
        b1.save();
        RunListener.fireCompleted(b1, TaskListener.NULL);
        check(t);
        assertThat(p.getLastBuild().getNumber()).as("no build for an already synced revision: " + t.getLastCheck()).isEqualTo(1);
        assertThat(t.getLastCheck()).as(t.getLastCheck()).contains("last synced " + first.substring(0, 7), "nothing to do");

        String second = commit("two", "second");
        check(t);
        Run<?, ?> b2 = p.getLastBuild();
        assertThat(b2.getNumber()).isEqualTo(2);
        assertThat(causeOf(b2)).isEqualTo("new revision " + second.substring(0, 7));
    }

    @Test
    void aRevisionWhoseSignatureDoesNotPassStartsNoBuildAndTheJobPageSaysWhy() throws Exception {
        Signing.SshKey alice = Signing.sshKey(tmp.resolve("alice"), "alice@example.org");
        Signing.SshKey mallory = Signing.sshKey(tmp.resolve("mallory"), "mallory@example.org");
        String unsigned = commit("one", "unsigned");
        WorkflowJob p = echoJobTriggered("verified");
        GitOpsTrigger t = GitOpsTrigger.of(p);
        t.setVerifySignatures("commit");
        t.setTrustedKeys(alice.allowedSigners());

        check(t);
        assertThat(p.getLastBuild()).as("no build for an unsigned revision: " + t.getLastCheck()).isNull();
        assertThat(t.getLastCheck()).as(t.getLastCheck()).contains("no build for " + unsigned.substring(0, 7));
        assertThat(t.getLastCheck().contains("unsigned") || t.getLastCheck().contains("not signed")).as(t.getLastCheck()).isTrue();
        String page = j.createWebClient().getPage(p).asNormalizedText();
        assertThat(page).as(page).contains("no build for " + unsigned.substring(0, 7));

        // signed, but by a key nobody trusts: still no build
        Path repoDir = sandbox.repo().write("cm.yaml", Manifests.configMapIn("default", "cfg", "two")).dir();
        String untrusted = Signing.commitSignedWith(repoDir, mallory, "untrusted");
        check(t);
        assertThat(p.getLastBuild()).as("no build for an untrusted signer: " + t.getLastCheck()).isNull();
        assertThat(t.getLastCheck()).as(t.getLastCheck()).contains("no build for " + untrusted.substring(0, 7));

        sandbox.repo().write("cm.yaml", Manifests.configMapIn("default", "cfg", "three"));
        String signed = Signing.commitSignedWith(repoDir, alice, "signed");
        check(t);
        WorkflowRun b1 = p.getLastBuild();
        assertThat(b1).as("a build for the trusted signature: " + t.getLastCheck()).isNotNull();
        assertThat(causeOf(b1)).isEqualTo("first sync of revision " + signed.substring(0, 7));
    }

    @Test
    void driftInTheClusterSchedulesASyncThatCorrectsIt() throws Exception {
        String ns = sandbox.namespace();
        TestRepo repo = sandbox.repo();
        repo.write("cm.yaml", Manifests.configMapIn(ns, "cfg", "hello")).commit("first");
        kubeconfigCredential();
        WorkflowJob p = onNode("drift-trigger", "gitopsSync(url: '" + repo.url() + "', ref: 'main', namespace: '" + ns
                + "', applySet: '" + ns + "', kubeconfigCredentialsId: 'kc')");
        j.buildAndAssertSuccess(p);
        GitOpsTrigger t = trigger(p, repo.url());
        t.setNamespace(ns);
        t.setApplySet(ns);
        t.setKubeconfigCredentialsId("kc");
        t.setCheckDrift(true);

        check(t);
        assertThat(p.getLastBuild().getNumber()).as("nothing changed yet: " + t.getLastCheck()).isEqualTo(1);

        sandbox.kube().configMaps().inNamespace(ns).withName("cfg").edit(cm -> {
            cm.getData().put("greeting", "changed by hand");
            return cm;
        });
        check(t);
        WorkflowRun b2 = p.getLastBuild();
        assertThat(b2.getNumber()).as("drift starts a build: " + t.getLastCheck()).isEqualTo(2);
        assertThat(causeOf(b2)).isEqualTo("1 object drifted");
        j.assertBuildStatusSuccess(b2);

        check(t);
        assertThat(p.getLastBuild().getNumber()).as("the build corrected the drift: " + t.getLastCheck()).isEqualTo(2);
    }

    private static SyncRecord synced(String url, String revision) {
        return new SyncRecord(url, "main", revision, ".", "shop", SyncStatus.Synced, false, List.of(),
                new Totals(0, 0, 1, 0, 0, 0, 0), 100, 3, List.of(), List.of());
    }

    @Test
    void unreachableRepositoryStartsNoBuild() throws Exception {
        WorkflowJob p = pipeline("unreachable", "echo 'never'");
        GitOpsTrigger t = trigger(p, tmp.resolve("no-such-repo").toUri().toString());

        check(t);

        assertThat(p.getLastBuild()).as("no build when the remote cannot be read").isNull();
        assertThat(t.getLastCheck()).as(t.getLastCheck()).startsWith("check failed");
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
                GitOpsTrigger t = trigger(pipeline("hung-" + i, "echo 'never'"), url);
                t.run();
                triggers.add(t);
            }

            // Jenkins' own periodic work is not held up by the twelve hung checks
            jenkins.util.Timer.get().submit(() -> { }).get(5, TimeUnit.SECONDS);

            for (GitOpsTrigger t : triggers) {
                Eventually.until("every check to end", Duration.ofSeconds(20), () -> t.getLastCheck() != null);
                assertThat(t.getLastCheck()).as("every check ends").isNotNull();
                assertThat(t.getLastCheck().contains("timed out after 3 s") || t.getLastCheck().startsWith("check skipped"))
                        .as(t.getLastCheck()).isTrue();
            }
            // the flag of a timed-out check is cleared: the next poll checks again
            String before = triggers.get(0).getLastCheck();
            hang.close();
            accepted.forEach(GitOpsTriggerTest::closeQuietly);
            String after = TriggerTesting.checkNow(triggers.get(0));
            assertThat(after).as("checked again").isNotEqualTo(before);
            j.waitUntilNoActivity();
            for (int i = 0; i < 12; i++) {
                assertThat(j.jenkins.getItemByFullName("hung-" + i, WorkflowJob.class).getLastBuild()).as("no build").isNull();
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
        String first = commit("one", "first");
        TestCredentials.add(j.jenkins, TestCredentials.usernamePassword("git-cred", "ci", "s3cr3t-password"));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        // bob configures the job; it runs as alice, who may not use the job's credentials (nor configure it,
        // which would imply that)
        MockAuthorizationStrategy auth = new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD).everywhere().to("alice")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("bob");
        j.jenkins.setAuthorizationStrategy(auth);
        QueueItemAuthenticatorConfiguration.get().getAuthenticators().add(new RunAs("as-alice", "alice"));
        WorkflowJob p = echoJobTriggered("as-alice");
        GitOpsTrigger t = GitOpsTrigger.of(p);
        t.setCredentialsId("git-cred");

        check(t);
        assertThat(t.getLastCheck()).as(t.getLastCheck()).contains("Git credential 'git-cred' was not found or is not usable by this job");
        assertThat(p.getLastBuild()).as("nothing started with a credential the job may not use").isNull();

        // once alice may use the job's credentials, the trigger may too (as a build of the job would)
        auth.grant(CredentialsProvider.USE_ITEM).everywhere().to("alice");
        check(t);
        assertThat(p.getLastBuild()).as(t.getLastCheck()).isNotNull();
        assertThat(causeOf(p.getLastBuild())).isEqualTo("first sync of revision " + first.substring(0, 7));
    }

    /** A cluster credential that is missing does not stop the revision check, and is reported once. */
    @Test
    void aMissingClusterCredentialStillLetsNewRevisionsStartBuilds() throws Exception {
        try (LogRecorder logs = new LogRecorder().record(GitOpsTrigger.class, Level.WARNING).capture(20)) {
            String first = commit("one", "first");
            WorkflowJob p = echoJobTriggered("no-kubeconfig");
            GitOpsTrigger t = GitOpsTrigger.of(p);
            t.setKubeconfigCredentialsId("missing");
            t.setCheckDrift(true);

            check(t);
            assertThat(p.getLastBuild()).as("the new revision started a build: " + t.getLastCheck()).isNotNull();
            assertThat(causeOf(p.getLastBuild())).isEqualTo("first sync of revision " + first.substring(0, 7));
            assertThat(t.getLastCheck()).as(t.getLastCheck()).contains("cluster not checked: Kubeconfig credential 'missing' was not found");

            check(t);
            assertThat(logs.getMessages().stream().filter(m -> m.contains("Kubeconfig credential 'missing'")).count())
                    .as("logged once, not at every poll: " + logs.getMessages()).isEqualTo(1);
        }
    }

    @Test
    void triggerWithoutJobDoesNothing() {
        GitOpsTrigger t = new GitOpsTrigger("H * * * *");
        t.setUrl("https://git.example.com/r.git");
        t.run();
        assertThat(t.getLastCheck()).as("run() before start() returns at once").isNull();
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
        assertThat(after).isNotNull();
        j.assertEqualDataBoundBeans(t, after);
        assertThat(after.getSpec()).isEqualTo("H/10 * * * *");
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
