package io.jenkins.plugins.gitopssync.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Result;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.jenkins.plugins.gitopssync.config.GitOpsForms;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.freestyle.GitOpsSyncBuilder;
import io.jenkins.plugins.gitopssync.pages.DriftBadgeAction;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.sync.AgentPreload;
import io.jenkins.plugins.gitopssync.sync.WorkspaceCheckout;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The gitopsSync step in a Pipeline job: checkout on the agent, sync, the returned map, the recorded
 * actions, drift in a dry run, and failures with readable messages. Cluster tests need GITOPS_TEST_KUBECONFIG.
 */
@ExtendWith(LocalRepositories.class)
class GitOpsSyncStepTest extends JenkinsTestBase {

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-step");

    /** The options of a sync of the sandbox's repository into its namespace, with the test cluster's credential. */
    private String clusterOptions() {
        return "url: '" + sandbox.repo().url() + "', namespace: '" + sandbox.namespace() + "', kubeconfigCredentialsId: 'kc'";
    }

    /** The sandbox's repository with one commit of a ConfigMap in the default namespace. */
    private TestRepo repoWithOneObject() {
        TestRepo repo = sandbox.repo();
        repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "x")).commit("first");
        return repo;
    }

    @Test
    void syncsOnAnAgentAndReturnsTheResult() throws Exception {
        String kubeconfig = TestCluster.kubeconfigContent();
        String ns = sandbox.namespace();
        var agent = j.createOnlineSlave();
        TestRepo repo = sandbox.repo();
        repo.write("deploy/cm.yaml", Manifests.configMapIn(ns, "cfg", "hello")).write("deploy/cm2.yaml", Manifests.configMapIn(ns, "cfg2", "hi"));
        String rev = repo.commit("first");
        kubeconfigCredential();
        WorkflowJob p = onAgent("step-sync", "  def r = gitopsSync(url: '" + repo.url() + "', ref: 'main', path: 'deploy', namespace: '"
                + ns + "', kubeconfigCredentialsId: 'kc', prune: true, timeout: '2m')\n"
                + "  echo \"result status=${r.status} created=${r.created} revision=${r.revision} drifted=${r.drifted}\"");

        WorkflowRun run = j.buildAndAssertSuccess(p);

        j.assertLogContains("result status=synced created=2 revision=" + rev + " drifted=0", run);
        // the agent's progress lines come before the controller's summary, in the order they happened
        String log = JenkinsRule.getLog(run);
        assertThat(log.indexOf("[gitopsSync] Rendered 2 objects") > 0
                && log.indexOf("[gitopsSync] Rendered 2 objects") < log.indexOf("[gitopsSync] Status: synced")).as(log).isTrue();
        GitOpsSyncAction action = run.getAction(GitOpsSyncAction.class);
        assertThat(action.getRecord().getRevision()).isEqualTo(rev);
        assertThat(action.getUrlName()).isEqualTo("gitops-1");
        // AUTO: a connection's first sync runs the engine in a child JVM, which checks this (public) repository out
        // too, so no jar goes to the agent's own JVM
        assertThat(((hudson.remoting.Channel) agent.getChannel()).getProperty(AgentPreload.CHECKOUT_DONE))
                .as("the checkout ran in the child: git-client's jars stay on the controller").isNull();
        assertThat(((hudson.remoting.Channel) agent.getChannel()).getProperty(AgentPreload.DONE))
                .as("the engine's jars stay on the controller").isNull();
        for (String token : kubeconfig.lines().map(String::trim).filter(l -> l.startsWith("token:"))
                .map(l -> l.substring("token:".length()).trim()).filter(t -> !t.isEmpty()).toList()) {
            j.assertLogNotContains(token, run);
        }
        ConfigMap cm = sandbox.kube().configMaps().inNamespace(ns).withName("cfg").get();
        assertThat(cm.getData().get("greeting")).isEqualTo("hello");
    }

    @Test
    void driftInADryRunMakesTheBuildUnstableOrFailing() throws Exception {
        String ns = sandbox.namespace();
        sandbox.repo().write("cm.yaml", Manifests.configMapIn(ns, "cfg", "hello")).commit("first");
        kubeconfigCredential();
        String common = clusterOptions() + ", applySet: '" + ns + "'";
        j.buildAndAssertSuccess(onNode("drift-sync", "gitopsSync(" + common + ")"));
        sandbox.kube().configMaps().inNamespace(ns).withName("cfg").edit(cm -> {
            cm.getData().put("greeting", "changed by hand");
            return cm;
        });

        WorkflowRun dry = j.buildAndAssertStatus(Result.UNSTABLE, onNode("drift-dry",
                "def r = gitopsSync(" + common + ", dryRun: true)\necho \"drifted=${r.driftedObjects}\""));
        j.assertLogContains("drifted=[ConfigMap/" + ns + "/cfg]", dry);
        j.assertLogContains("Marking the build UNSTABLE", dry);
        assertThat(dry.getAction(DriftBadgeAction.class).getState().isNoteworthy()).as("badge shows drift").isTrue();
        FlowNode step = new DepthFirstScanner()
                .findFirstMatch(dry.getExecution(), n -> n.getPersistentAction(WarningAction.class) != null);
        assertThat(step).as("a step is marked unstable").isNotNull();
        assertThat(step.getDisplayFunctionName()).as("the step marked unstable").isEqualTo("gitopsSync");

        WorkflowRun strict = j.buildAndAssertStatus(Result.FAILURE, onNode("drift-strict",
                "gitopsSync(" + common + ", dryRun: true, failOnDrift: true)"));
        j.assertLogContains("failOnDrift is set", strict);
        j.assertLogNotContains("\tat ", strict);
    }

    @Test
    void severalCallsInOneBuildAreAllRecorded() throws Exception {
        String ns = sandbox.namespace();
        sandbox.repo().write("base/cm.yaml", Manifests.configMapIn(ns, "base", "zero"))
                .write("a/cm.yaml", Manifests.configMapIn(ns, "a", "one"))
                .write("b/cm.yaml", Manifests.configMapIn(ns, "b", "two"))
                .commit("three paths");
        kubeconfigCredential();
        String common = clusterOptions();
        WorkflowRun run = j.buildAndAssertSuccess(onNode("multi",
                "gitopsSync(" + common + ", path: 'base', applySet: '" + ns + "-base')\n"
                        + "parallel a: { gitopsSync(" + common + ", path: 'a', applySet: '" + ns + "-a') },"
                        + " b: { gitopsSync(" + common + ", path: 'b', applySet: '" + ns + "-b') }"));

        List<GitOpsSyncAction> actions = run.getActions(GitOpsSyncAction.class);
        assertThat(actions).hasSize(3);
        assertThat(actions.stream().map(GitOpsSyncAction::getUrlName).sorted().toList()).isEqualTo(List.of("gitops-1", "gitops-2", "gitops-3"));
        String page = j.createWebClient().getPage(run).getWebResponse().getContentAsString();
        assertThat(page).as("all listed").contains(ns + "-base", ns + "-a", ns + "-b");
    }

    @Test
    void unknownRefFailsWithTheRefAndUrl() throws Exception {
        TestRepo repo = repoWithOneObject();
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE,
                onNode("bad-ref", "gitopsSync(url: '" + repo.url() + "', ref: 'no-such-branch')"));
        j.assertLogContains("Git ref 'no-such-branch' was not found in " + repo.url(), run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void tokenCredentialIsUsedTrackedAndNeverPrinted() throws Exception {
        String token = "gitops-test-token-0123456789";
        TestRepo repo = repoWithOneObject();
        var credential = TestCredentials.add(j.jenkins, TestCredentials.secretText("tok", token));
        // nothing listens on port 1 of loopback: the engine reports the cluster as unreachable
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, onNode("token",
                "gitopsSync(url: '" + repo.url() + "', serverUrl: 'https://127.0.0.1:1', tokenCredentialsId: 'tok')"));
        j.assertLogContains("through API server https://127.0.0.1:1 with a token credential", run);
        j.assertLogNotContains(token, run);
        j.assertLogNotContains("\tat ", run);
        assertThat(CredentialsProvider.getFingerprintOf(credential)
                .getRangeSet(run.getParent()).includes(run.getNumber())).as("the token's use is tracked").isTrue();
    }

    @Test
    void missingKubeconfigCredentialFailsBeforeCheckout() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE,
                onNode("no-creds", "gitopsSync(url: 'https://git.example.com/r.git', kubeconfigCredentialsId: 'missing')"));
        j.assertLogContains("Kubeconfig credential 'missing' was not found", run);
        j.assertLogNotContains("Fetching", run);
    }

    @Test
    void invalidOptionsAreReportedTogether() throws Exception {
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, onNode("bad-options",
                "gitopsSync(url: 'https://git.example.com/r.git', path: '/etc', timeout: 'soon', serverUrl: 'https://k8s:6443')"));
        j.assertLogContains("not absolute: /etc", run);
        j.assertLogContains("timeout 'soon'", run);
        j.assertLogContains("needs a token credential", run);
    }

    @Test
    void aRepositoryOnTheControllersDiskIsRefusedOnTheBuiltInNode() throws Exception {
        GitOpsGlobalSettings.get().setAllowLocalRepositoriesOnController(false);
        TestRepo repo = repoWithOneObject();
        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, onNode("local-on-controller",
                "gitopsSync(url: '" + repo.url() + "')"));
        j.assertLogContains("Refusing to read the repository " + repo.url() + " from the controller's own disk", run);
        j.assertLogNotContains("Revision ", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    void stepIsDescribedForTheSnippetGenerator() throws Exception {
        GitOpsSyncStep.DescriptorImpl d = j.jenkins.getDescriptorByType(GitOpsSyncStep.DescriptorImpl.class);
        assertThat(d.getFunctionName()).isEqualTo("gitopsSync");
        JenkinsRule.WebClient wc = j.createWebClient();
        // the step's form is the freestyle step's, with its descriptor: every field's help is served from there
        // (asked inside a request, as the form does: a help URL is only defined in one)
        GitOpsSyncBuilder.DescriptorImpl shared = j.jenkins.getDescriptorByType(GitOpsSyncBuilder.DescriptorImpl.class);
        for (String field : GitOpsForms.SYNC_FIELDS) {
            String helpUrl = j.executeOnServer(() -> shared.getHelpFile(field));
            assertThat(helpUrl).as(field + ": " + helpUrl).isNotNull().contains(GitOpsSyncBuilder.class.getName());
            String help = wc.goTo(helpUrl.substring(1)).getWebResponse().getContentAsString();
            assertThat(help).as(field + ": " + help).hasSizeGreaterThan(20).doesNotContain("Not Found");
        }
        // the Snippet Generator turns the form's data into the step's call
        WorkflowJob p = j.createProject(WorkflowJob.class, "snippets");
        WebRequest request = new WebRequest(new URL(j.getURL(), p.getUrl() + "pipeline-syntax/generateSnippet"), HttpMethod.POST);
        request.setRequestParameters(List.of(new NameValuePair("json", "{\"stapler-class\": \"" + GitOpsSyncStep.class.getName()
                + "\", \"url\": \"https://git.example.com/r.git\", \"path\": \"deploy\", \"dryRun\": true, \"wait\": true,"
                + " \"timeout\": \"5m\"}")));
        wc.addCrumb(request);
        String snippet = wc.getPage(request).getWebResponse().getContentAsString();
        assertThat(snippet.trim()).isEqualTo("gitopsSync dryRun: true, path: 'deploy', timeout: '5m', url: 'https://git.example.com/r.git'");
    }

    @Test
    void snippetGeneratorShowsTheStepsForm() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "snippet-form");
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.getPage(p, "pipeline-syntax");
        HtmlSelect select = page.querySelector("select[name='_.'], select.dropdownList");
        HtmlOption option = select.getOptions().stream().filter(o -> o.getText().startsWith("gitopsSync")).findFirst().orElseThrow();
        select.setSelectedAttribute(option, true);
        wc.waitForBackgroundJavaScript(5000);
        String html = page.asXml();
        assertThat(html).as("the step's form is rendered in the Snippet Generator").contains("Repository URL", "Dry run", "CA certificate");
        assertThat(html.contains("descriptorByName/" + GitOpsSyncBuilder.class.getName() + "/fillCredentialsIdItems")
                || html.contains(GitOpsSyncBuilder.class.getName() + "/fillCredentialsIdItems"))
                .as("its credential lists come from the shared descriptor").isTrue();
    }
}
