package io.jenkins.plugins.gitopssync.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Node;
import hudson.model.Result;
import io.jenkins.plugins.gitopssync.engine.process.CommandLookup;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.Kubeconfigs;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The build's environment reaches what the sync runs, on an agent JVM of its own: a kubeconfig's exec plugin
 * sees {@code withEnv}, Kustomize's kubectl is found on the step's PATH, every process is started through the
 * launcher the step's context gives (where {@code container()} would put its decorator), an aborted build kills
 * what it started, and {@code context} chooses the kubeconfig context.
 */
@WithJenkins
@ExtendWith(LocalRepositories.class)
class BuildEnvironmentStepTest {

    private JenkinsRule j;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        j.createOnlineSlave(hudson.model.Label.get("remote"));
        RecordCommands.RECORDED.clear();
    }

    private WorkflowRun run(String name, String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition("node('remote') {\n" + script + "\n}", true));
        return j.buildAndAssertStatus(expected, p);
    }

    private String sync(TestRepo repo, String ns, String extra) {
        return "gitopsSync(url: '" + repo.url() + "', ref: 'main', namespace: '" + ns + "', applySet: '" + ns
                + "', kubeconfigCredentialsId: 'kc', wait: false" + extra + ")";
    }

    @Test
    void aKubeconfigsExecPluginSeesTheVariablesWithEnvSets() throws Exception {
        String ns = TestCluster.unique("gitops-env");
        Path plugin = Kubeconfigs.tokenPlugin(tmp.resolve("bin"), "CLUSTER_LOGIN");
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("real", Kubeconfigs.execUser(plugin.toString()), null)));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            repo.write("cm.yaml", Manifests.configMapIn(ns, "cfg", "x"));
            repo.commit("first");

            WorkflowRun ok = run("with-login", "withEnv(['CLUSTER_LOGIN=" + Kubeconfigs.admin().token() + "']) {\n"
                    + sync(repo, ns, "") + "\n}", Result.SUCCESS);
            j.assertLogContains("Status: synced", ok);
            j.assertLogNotContains(Kubeconfigs.admin().token(), ok);
            assertEquals("x", cluster.kube().configMaps().inNamespace(ns).withName("cfg").get().getData().get("greeting"));

            WorkflowRun missing = run("without-login", sync(repo, ns, ""), Result.FAILURE);
            j.assertLogContains("the exec plugin '" + plugin + "' of kubeconfig user 'u' failed (exit 2): "
                    + "error: CLUSTER_LOGIN is not set; log in first", missing);
        }
    }

    /** A kubectl only the step's PATH holds: it leaves a mark, then runs the real one. */
    private Path kubectlOnlyOnTheStepsPath(Path mark) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tools"));
        String real = CommandLookup.resolve("kubectl", System.getenv(), false);
        assertFalse(real.equals("kubectl"), "the real kubectl is on this JVM's PATH");
        Path wrapper = dir.resolve("kubectl");
        Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >> '" + mark + "'\nexec '" + real + "' \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        return dir;
    }

    private static void kustomization(TestRepo repo, String ns) throws IOException {
        repo.write("app/kustomization.yaml", "resources: [cm.yaml]\nnamespace: " + ns + "\n");
        repo.write("app/cm.yaml", Manifests.configMapIn(ns, "cfg", "from-kustomize"));
    }

    @Test
    void kustomizeRunsTheKubectlOnTheStepsPath() throws Exception {
        String ns = TestCluster.unique("gitops-path");
        Path mark = tmp.resolve("kubectl-ran");
        Path tools = kubectlOnlyOnTheStepsPath(mark);
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", TestCluster.kubeconfigContent()));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            kustomization(repo, ns);
            repo.commit("first");

            run("default-path", sync(repo, ns, ", path: 'app'"), Result.SUCCESS);
            assertFalse(Files.exists(mark), "without the step's PATH the wrapper is not on the agent's PATH");

            run("tool-path", "withEnv(['PATH+TOOLS=" + tools + "']) {\n" + sync(repo, ns, ", path: 'app'") + "\n}", Result.SUCCESS);
            assertTrue(Files.readString(mark).startsWith("kustomize "), "the step's kubectl built the Kustomization");
        }
    }

    @Test
    void everyProcessGoesThroughTheLauncherOfTheStepsContext() throws Exception {
        String ns = TestCluster.unique("gitops-launch");
        Path plugin = Kubeconfigs.tokenPlugin(tmp.resolve("bin"), "CLUSTER_LOGIN");
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("real", Kubeconfigs.execUser(plugin.toString()), null)));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            kustomization(repo, ns);
            repo.commit("first");

            run("decorated", "recordCommands {\n withEnv(['CLUSTER_LOGIN=" + Kubeconfigs.admin().token() + "']) {\n"
                    + sync(repo, ns, ", path: 'app'") + "\n}\n}", Result.SUCCESS);

            List<String> recorded = List.copyOf(RecordCommands.RECORDED);
            assertTrue(recorded.stream().anyMatch(c -> c.startsWith(plugin.toString())), "the exec plugin: " + recorded);
            assertTrue(recorded.stream().anyMatch(c -> c.contains("kubectl kustomize ")), "kubectl kustomize: " + recorded);
        }
    }

    @Test
    void anAbortedBuildKillsWhatItStarted() throws Exception {
        String ns = TestCluster.unique("gitops-abort");
        Path pidFile = tmp.resolve("plugin.pid");
        Path plugin = tmp.resolve("slow-plugin");
        Files.writeString(plugin, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 300\n");
        assertTrue(plugin.toFile().setExecutable(true));
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("real", Kubeconfigs.execUser(plugin.toString()), null)));
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", Manifests.configMapIn(ns, "cfg", "x"));
            repo.commit("first");
            WorkflowJob p = j.createProject(WorkflowJob.class, "aborted");
            p.setDefinition(new CpsFlowDefinition("node('remote') {\n" + sync(repo, ns, "") + "\n}", true));
            WorkflowRun run = p.scheduleBuild2(0).waitForStart();
            for (int i = 0; i < 600 && !Files.exists(pidFile); i++) {
                Thread.sleep(100);
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the plugin runs");

            run.doStop();
            j.waitForCompletion(run);

            j.assertBuildStatus(Result.ABORTED, run);
            for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
                Thread.sleep(100);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the aborted build's exec plugin was killed");
        }
    }

    @Test
    void theContextOptionChoosesANonCurrentContext() throws Exception {
        String ns = TestCluster.unique("gitops-ctx");
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("broken", Kubeconfigs.tokenUser(), null)));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            repo.write("cm.yaml", Manifests.configMapIn(ns, "cfg", "x"));
            repo.commit("first");

            WorkflowRun r = run("context", sync(repo, ns, ", context: 'real'"), Result.SUCCESS);
            j.assertLogContains("the kubeconfig credential 'kc' (context real)", r);
            WorkflowRun current = run("current", sync(repo, ns, ""), Result.FAILURE);
            j.assertLogContains("127.0.0.1:1", current);
        }
    }

    /** {@code recordCommands { ... }}: a launcher decorator, as {@code container()} adds one, that records each command. */
    public static final class RecordCommands extends Step implements Serializable {
        private static final long serialVersionUID = 1L;
        static final List<String> RECORDED = new CopyOnWriteArrayList<>();

        @DataBoundConstructor
        public RecordCommands() {
        }

        @Override
        public StepExecution start(StepContext context) {
            return new StepExecution(context) {
                private static final long serialVersionUID = 1L;

                @Override
                public boolean start() throws Exception {
                    getContext().newBodyInvoker()
                            .withContext(BodyInvoker.mergeLauncherDecorators(getContext().get(LauncherDecorator.class), new Recorder()))
                            .withCallback(BodyExecutionCallback.wrap(getContext()))
                            .start();
                    return false;
                }
            };
        }

        @TestExtension
        public static final class DescriptorImpl extends StepDescriptor {
            @Override
            public Set<? extends Class<?>> getRequiredContext() {
                return Set.of();
            }

            @Override
            public String getFunctionName() {
                return "recordCommands";
            }

            @Override
            public boolean takesImplicitBlockArgument() {
                return true;
            }
        }
    }

    static final class Recorder extends LauncherDecorator implements Serializable {
        private static final long serialVersionUID = 1L;

        @NonNull
        @Override
        public Launcher decorate(@NonNull Launcher launcher, @NonNull Node node) {
            return new Launcher.DecoratedLauncher(launcher) {
                @Override
                public Proc launch(@NonNull ProcStarter starter) throws IOException {
                    RecordCommands.RECORDED.add(String.join(" ", starter.cmds()));
                    return super.launch(starter);
                }
            };
        }
    }
}
