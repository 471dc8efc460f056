package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.gitopssync.config.EngineJvm;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.SyncReports;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.GitHttpServer;
import io.jenkins.plugins.gitopssync.testsupport.Kubeconfigs;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The engine in a JVM of its own on a real agent, against the test cluster: the same record and report as in the
 * agent's JVM, a failure's message, no secret on the child's command line or in its environment, an aborted build
 * kills it, its jars are copied to the agent's disk once, it checks a private http repository out itself, and AUTO's
 * choice.
 */
@ExtendWith(LocalRepositories.class)
class ChildJvmSyncTest extends JenkinsTestBase {

    private static final String RUNNING = "Running the engine in a JVM of its own on the agent";

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-child");

    private DumbSlave agent;

    @BeforeEach
    void setUp() throws Exception {
        agent = j.createOnlineSlave(Label.get("remote"));
        GitOpsGlobalSettings.get().setEngineJvm(EngineJvm.CHILD_JVM);
    }

    private WorkflowJob job(String name, String extra) throws Exception {
        String ns = sandbox.namespace();
        return pipeline(name, "node('remote') {\ngitopsSync(url: '" + sandbox.repo().url() + "', ref: 'main', namespace: '"
                + ns + "', applySet: '" + ns + "', kubeconfigCredentialsId: 'kc', prune: true, timeout: '2m'" + extra + ")\n}");
    }

    private void twoConfigMaps() {
        String ns = sandbox.namespace();
        sandbox.repo().write("cm.yaml", Manifests.configMapIn(ns, "cfg", "hello"))
                .write("cm2.yaml", Manifests.configMapIn(ns, "cfg2", "hi")).commit("first");
    }

    @Test
    void aSyncInAChildJvmRecordsWhatTheAgentsJvmRecords() throws Exception {
        String ns = sandbox.namespace();
        kubeconfigCredential();
        twoConfigMaps();

        WorkflowRun first = j.buildAndAssertSuccess(job("sync", ""));
        j.assertLogContains(RUNNING, first);
        j.assertLogContains("[gitopsSync] Rendered 2 objects", first);
        SyncRecord created = first.getAction(GitOpsSyncAction.class).getRecord();
        assertThat(created.getCreated()).isEqualTo(2);
        assertThat(created.getRevision()).isEqualTo(sandbox.repo().head());
        assertThat(sandbox.kube().configMaps().inNamespace(ns).withName("cfg2").get().getData().get("greeting")).isEqualTo("hi");
        assertThat(SyncReports.objects(first.getAction(GitOpsSyncAction.class))).hasSize(2);

        sandbox.kube().configMaps().inNamespace(ns).withName("cfg").edit(cm -> {
            cm.getData().put("greeting", "changed by hand");
            return cm;
        });
        WorkflowJob dry = job("dry", ", dryRun: true");
        WorkflowRun inChild = j.buildAndAssertStatus(Result.UNSTABLE, dry);
        GitOpsGlobalSettings.get().setEngineJvm(EngineJvm.AGENT_JVM);
        WorkflowRun inAgent = j.buildAndAssertStatus(Result.UNSTABLE, dry);

        j.assertLogContains(RUNNING, inChild);
        j.assertLogNotContains(RUNNING, inAgent);
        SyncRecord child = inChild.getAction(GitOpsSyncAction.class).getRecord();
        SyncRecord own = inAgent.getAction(GitOpsSyncAction.class).getRecord();
        assertThat(summary(child)).isEqualTo(summary(own)).contains("drifted=1");
        List<ObjectResult> childObjects = SyncReports.objects(inChild.getAction(GitOpsSyncAction.class));
        assertThat(childObjects).isEqualTo(SyncReports.objects(inAgent.getAction(GitOpsSyncAction.class)));
        assertThat(childObjects).anyMatch(o -> o.drift() && o.diff().contains("changed by hand"));
    }

    /**
     * Over http with an account, the child checks the repository out itself (the agent's JVM loads no Git code): its
     * revision line comes after the child starts, the account reaches the server and its password no log.
     */
    @Test
    void theChildChecksOutAPrivateRepositoryItself() throws Exception {
        kubeconfigCredential();
        twoConfigMaps();
        String password = "pw-" + UUID.randomUUID();
        Path served = sandbox.repo().dir().getParent();
        try (GitHttpServer server = GitHttpServer.start(served, "alice", password)) {
            String url = server.url(sandbox.repo().dir().getFileName().toString());
            TestCredentials.add(j.jenkins, TestCredentials.usernamePassword("git-account", "alice", password));
            TestCredentials.add(j.jenkins, TestCredentials.usernamePassword("git-old", "alice", password + "-old"));

            WorkflowRun run = j.buildAndAssertSuccess(privateJob("private", url, "git-account"));

            String log = JenkinsRule.getLog(run);
            assertThat(log.indexOf("Revision " + sandbox.repo().head())).as(log).isGreaterThan(log.indexOf(RUNNING))
                    .isGreaterThan(0);
            assertThat(run.getAction(GitOpsSyncAction.class).getRecord().getRevision()).isEqualTo(sandbox.repo().head());
            assertThat(server.served()).isPositive();
            assertThat(log).doesNotContain(password);

            WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, privateJob("refused", url, "git-old"));
            j.assertLogContains("Git checkout of " + url + " @ main failed", refused);
            j.assertLogNotContains(password, refused);
            j.assertLogNotContains("\tat ", refused);
        }
    }

    private WorkflowJob privateJob(String name, String url, String credentialsId) throws Exception {
        String ns = sandbox.namespace();
        return pipeline(name, "node('remote') {\ngitopsSync(url: '" + url + "', ref: 'main', credentialsId: '" + credentialsId
                + "', namespace: '" + ns + "', applySet: '" + ns + "', kubeconfigCredentialsId: 'kc', prune: true)\n}");
    }

    /** What a record says, but for its timing. */
    private static String summary(SyncRecord r) {
        return r.getStatus() + " revision=" + r.getRevision() + " applySet=" + r.getApplySet() + " dryRun=" + r.isDryRun()
                + " created=" + r.getCreated() + " configured=" + r.getConfigured() + " unchanged=" + r.getUnchanged()
                + " pruned=" + r.getPruned() + " failed=" + r.getFailed() + " drifted=" + r.getDrifted()
                + " errors=" + r.getErrors() + " warnings=" + r.getWarnings() + " driftedObjects="
                + r.getDriftedObjects().stream().map(o -> o.getKind() + "/" + o.getName()).toList();
    }

    @Test
    void aFailureTheUserCanActOnEndsTheBuildWithItsMessage() throws Exception {
        kubeconfigCredential();
        sandbox.repo().write("bad.yaml", "kind: ConfigMap\nmetadata: [unclosed\n").commit("broken");

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job("broken", ""));

        j.assertLogContains(RUNNING, run);
        j.assertLogContains("bad.yaml", run);
        j.assertLogNotContains("\tat ", run);
        j.assertLogNotContains("exit code", run);
    }

    @Test
    void noSecretOnTheChildsCommandLineOrInItsEnvironmentOrTheLog() throws Exception {
        String token = Kubeconfigs.admin().token();
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("real", Kubeconfigs.tokenUser(), null)));
        twoConfigMaps();
        Map<Long, String> children = new ConcurrentHashMap<>();
        AtomicBoolean building = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (building.get()) {
                children.putAll(childJvms());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        WorkflowRun run;
        try {
            run = j.buildAndAssertSuccess(job("secret", ""));
        } finally {
            building.set(false);
            watcher.join();
        }

        assertThat(children).as("the child JVM was seen running").isNotEmpty();
        assertThat(children.values()).allSatisfy(seen -> assertThat(seen).doesNotContain(token));
        assertThat(children.values()).as("its environment was read").allMatch(seen -> seen.contains("PATH="));
        j.assertLogNotContains(token, run);
    }

    /** The command line and environment of every running child JVM, by PID. */
    private static Map<Long, String> childJvms() {
        Map<Long, String> found = new java.util.HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String cmdline = proc(p.pid(), "cmdline");
            if (cmdline.contains(ChildJvmCommand.MAIN)) {
                found.put(p.pid(), cmdline + "\n" + proc(p.pid(), "environ"));
            }
        });
        return found;
    }

    private static String proc(long pid, String file) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void anAbortedBuildKillsTheChildJvmAndWhatItStarted() throws Exception {
        Path pidFile = tmp.resolve("plugin.pid");
        Path plugin = tmp.resolve("slow-plugin");
        Files.writeString(plugin, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 300\n");
        assertThat(plugin.toFile().setExecutable(true)).isTrue();
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("real", Kubeconfigs.execUser(plugin.toString()), null)));
        twoConfigMaps();
        WorkflowRun run = job("aborted", "").scheduleBuild2(0).waitForStart();
        Eventually.until("the exec plugin to start", Duration.ofMinutes(1), () -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        long pluginPid = Long.parseLong(Files.readString(pidFile).strip());
        long childPid = ProcessHandle.of(pluginPid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElseThrow();
        assertThat(proc(childPid, "cmdline")).as("the exec plugin's parent is the child JVM").contains(ChildJvmCommand.MAIN);

        run.doStop();
        j.waitForCompletion(run);

        j.assertBuildStatus(Result.ABORTED, run);
        Eventually.until("the child JVM and its exec plugin to end", Duration.ofSeconds(10),
                () -> !alive(childPid) && !alive(pluginPid));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void theJarsAreCopiedToTheAgentsDiskOnce() throws Exception {
        kubeconfigCredential();
        twoConfigMaps();
        WorkflowJob p = job("twice", "");

        WorkflowRun first = j.buildAndAssertSuccess(p);
        assertThat(archives()).as("no class-data cache written on a disk just given the jars (a new pod's)").isEmpty();
        WorkflowRun second = j.buildAndAssertSuccess(p);

        j.assertLogContains("of the engine's libraries to", first);
        j.assertLogNotContains("of the engine's libraries to", second);
        j.assertLogContains("unchanged 2", second);
        FilePath lib = agent.getRootPath().child(ChildJvmSync.HOME).child("lib");
        List<FilePath> jars = lib.list();
        assertThat(jars).isNotEmpty().allSatisfy(jar -> assertThat(jar.getName())
                .isEqualTo(ChildClassPath.sha256(Path.of(jar.getRemote())) + ".jar"));
        assertThat(archives()).as("the class-data cache written by the second build, on a disk that kept the jars").hasSize(1);
        assertThat(JenkinsRule.getLog(second)).contains(RUNNING);
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> cache = Files.list(Path.of(agent.getRootPath().child(ChildJvmSync.HOME).child("cache").getRemote()))) {
            return cache.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsa")).toList();
        }
    }

    @Test
    void autoRunsAnAgentConnectionsFirstSyncInAChildJvmAndLaterOnesInTheAgentsJvm() throws Exception {
        GitOpsGlobalSettings.get().setEngineJvm(EngineJvm.AUTO);
        kubeconfigCredential();
        twoConfigMaps();
        WorkflowJob p = job("auto", "");

        WorkflowRun first = j.buildAndAssertSuccess(p);
        WorkflowRun second = j.buildAndAssertSuccess(p);

        j.assertLogContains(RUNNING, first);
        j.assertLogNotContains(RUNNING, second);
        j.assertLogContains("unchanged 2", second);
    }
}
