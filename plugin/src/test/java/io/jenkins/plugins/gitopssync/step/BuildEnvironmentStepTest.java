package io.jenkins.plugins.gitopssync.step;

import static org.assertj.core.api.Assertions.assertThat;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Node;
import hudson.model.Result;
import io.jenkins.plugins.gitopssync.engine.process.CommandLookup;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Eventually;
import io.jenkins.plugins.gitopssync.testsupport.Kubeconfigs;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.TestExtension;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The build's environment reaches what the sync runs, on an agent JVM of its own: a kubeconfig's exec plugin
 * sees {@code withEnv}, Kustomize's kubectl is found on the step's PATH, every process is started through the
 * launcher the step's context gives (where {@code container()} would put its decorator), an aborted build kills
 * what it started, and {@code context} chooses the kubeconfig context.
 */
@ExtendWith(LocalRepositories.class)
class BuildEnvironmentStepTest extends JenkinsTestBase {

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-env");

    @BeforeEach
    void setUp() throws Exception {
        j.createOnlineSlave(hudson.model.Label.get("remote"));
        RecordCommands.RECORDED.clear();
    }

    private WorkflowRun run(String name, String script, Result expected) throws Exception {
        return j.buildAndAssertStatus(expected, pipeline(name, "node('remote') {\n" + script + "\n}"));
    }

    /** The step's call syncing the sandbox's repository into {@code ns}, with the credential 'kc'. */
    private String sync(String ns, String extra) {
        return "gitopsSync(url: '" + sandbox.repo().url() + "', ref: 'main', namespace: '" + ns + "', applySet: '" + ns
                + "', kubeconfigCredentialsId: 'kc', wait: false" + extra + ")";
    }

    /** The credential 'kc': a kubeconfig of the test cluster whose user is the exec plugin {@code plugin}. */
    private void execKubeconfig(Path plugin) throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("real", Kubeconfigs.execUser(plugin.toString()), null)));
    }

    /** The credential 'kc' with an exec plugin that logs in with the token in CLUSTER_LOGIN; returns the plugin. */
    private Path loginPluginKubeconfig() throws Exception {
        Path plugin = Kubeconfigs.tokenPlugin(tmp.resolve("bin"), "CLUSTER_LOGIN");
        execKubeconfig(plugin);
        return plugin;
    }

    /** The sandbox's repository with one commit of a ConfigMap in {@code ns}. */
    private void oneConfigMapIn(String ns) {
        sandbox.repo().write("cm.yaml", Manifests.configMapIn(ns, "cfg", "x")).commit("first");
    }

    @Test
    void aKubeconfigsExecPluginSeesTheVariablesWithEnvSets() throws Exception {
        String ns = sandbox.namespace();
        Path plugin = loginPluginKubeconfig();
        oneConfigMapIn(ns);

        WorkflowRun ok = run("with-login", "withEnv(['CLUSTER_LOGIN=" + Kubeconfigs.admin().token() + "']) {\n"
                + sync(ns, "") + "\n}", Result.SUCCESS);
        j.assertLogContains("Status: synced", ok);
        j.assertLogNotContains(Kubeconfigs.admin().token(), ok);
        assertThat(sandbox.kube().configMaps().inNamespace(ns).withName("cfg").get().getData().get("greeting")).isEqualTo("x");

        WorkflowRun missing = run("without-login", sync(ns, ""), Result.FAILURE);
        j.assertLogContains("the exec plugin '" + plugin + "' of kubeconfig user 'u' failed (exit 2): "
                + "error: CLUSTER_LOGIN is not set; log in first", missing);
    }

    /** A kubectl only the step's PATH holds: it leaves a mark, then runs the real one. */
    private Path kubectlOnlyOnTheStepsPath(Path mark) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("tools"));
        String real = CommandLookup.resolve("kubectl", System.getenv(), false);
        assertThat(real).as("the real kubectl is on this JVM's PATH").isNotEqualTo("kubectl");
        Path wrapper = dir.resolve("kubectl");
        Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >> '" + mark + "'\nexec '" + real + "' \"$@\"\n");
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        return dir;
    }

    /** The sandbox's repository with one commit of a Kustomization in app/ of a ConfigMap in {@code ns}. */
    private void kustomizationIn(String ns) {
        sandbox.repo().write("app/kustomization.yaml", "resources: [cm.yaml]\nnamespace: " + ns + "\n")
                .write("app/cm.yaml", Manifests.configMapIn(ns, "cfg", "from-kustomize"))
                .commit("first");
    }

    @Test
    void kustomizeRunsTheKubectlOnTheStepsPath() throws Exception {
        String ns = sandbox.namespace();
        Path mark = tmp.resolve("kubectl-ran");
        Path tools = kubectlOnlyOnTheStepsPath(mark);
        kubeconfigCredential();
        kustomizationIn(ns);

        run("default-path", sync(ns, ", path: 'app'"), Result.SUCCESS);
        assertThat(mark).as("without the step's PATH the wrapper is not on the agent's PATH").doesNotExist();

        run("tool-path", "withEnv(['PATH+TOOLS=" + tools + "']) {\n" + sync(ns, ", path: 'app'") + "\n}", Result.SUCCESS);
        assertThat(Files.readString(mark)).as("the step's kubectl built the Kustomization").startsWith("kustomize ");
    }

    @Test
    void everyProcessGoesThroughTheLauncherOfTheStepsContext() throws Exception {
        String ns = sandbox.namespace();
        Path plugin = loginPluginKubeconfig();
        kustomizationIn(ns);

        run("decorated", "recordCommands {\n withEnv(['CLUSTER_LOGIN=" + Kubeconfigs.admin().token() + "']) {\n"
                + sync(ns, ", path: 'app'") + "\n}\n}", Result.SUCCESS);

        List<String> recorded = List.copyOf(RecordCommands.RECORDED);
        assertThat(recorded).as("the exec plugin: " + recorded).anyMatch(c -> c.startsWith(plugin.toString()));
        assertThat(recorded).as("kubectl kustomize: " + recorded).anyMatch(c -> c.contains("kubectl kustomize "));
    }

    @Test
    void anAbortedBuildKillsWhatItStarted() throws Exception {
        String ns = TestCluster.unique("gitops-abort"); // no cluster: the exec plugin never answers
        Path pidFile = tmp.resolve("plugin.pid");
        Path plugin = tmp.resolve("slow-plugin");
        Files.writeString(plugin, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 300\n");
        assertThat(plugin.toFile().setExecutable(true)).isTrue();
        execKubeconfig(plugin);
        oneConfigMapIn(ns);
        WorkflowRun run = pipeline("aborted", "node('remote') {\n" + sync(ns, "") + "\n}").scheduleBuild2(0).waitForStart();
        Eventually.until("the exec plugin to start", Duration.ofMinutes(1), () -> Files.exists(pidFile));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the plugin runs").isTrue();

        run.doStop();
        j.waitForCompletion(run);

        j.assertBuildStatus(Result.ABORTED, run);
        Eventually.until("the aborted build's exec plugin to end", Duration.ofSeconds(10),
                () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the aborted build's exec plugin was killed").isFalse();
    }

    @Test
    void theContextOptionChoosesANonCurrentContext() throws Exception {
        String ns = sandbox.namespace();
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", Kubeconfigs.of("broken", Kubeconfigs.tokenUser(), null)));
        oneConfigMapIn(ns);

        WorkflowRun r = run("context", sync(ns, ", context: 'real'"), Result.SUCCESS);
        j.assertLogContains("the kubeconfig credential 'kc' (context real)", r);
        WorkflowRun current = run("current", sync(ns, ""), Result.FAILURE);
        j.assertLogContains("127.0.0.1:1", current);
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
