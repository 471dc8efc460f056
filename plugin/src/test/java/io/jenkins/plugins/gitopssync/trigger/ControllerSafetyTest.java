package io.jenkins.plugins.gitopssync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.freestyle.GitOpsSyncBuilder;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Kubeconfigs;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A job configurer's kubeconfig on a shared controller: the trigger's drift check and the form check read it
 * there, and must not run its exec plugin, read the files it names or act as the controller's own service
 * account, unless an administrator allowed it; the job page says why the cluster was not checked.
 */
@ExtendWith(LocalRepositories.class)
class ControllerSafetyTest extends JenkinsTestBase {

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-safety");

    private Path ran;

    @BeforeEach
    void markFile() {
        ran = tmp.resolve("ran-on-the-controller");
    }

    @AfterEach
    void tearDown() {
        GitOpsGlobalSettings.get().setAllowKubeconfigCommandsOnController(false);
    }

    /** An exec plugin that leaves a mark when it runs. */
    private String markingExecUser() throws Exception {
        Path plugin = tmp.resolve("plugin");
        Files.writeString(plugin, "#!/bin/sh\ntouch '" + ran + "'\necho 'error: this must never run on the controller' >&2\nexit 1\n");
        assertThat(plugin.toFile().setExecutable(true)).isTrue();
        return Kubeconfigs.execUser(plugin.toString());
    }

    /** That exec plugin, and a file of the controller's that the kubeconfig names as its client key. */
    private String hostileKubeconfig() throws Exception {
        Path key = tmp.resolve("controller-secret.key");
        Files.writeString(key, "not a key");
        return Kubeconfigs.of("real", markingExecUser() + "client-key: " + key + "\n", null);
    }

    /** A freestyle job {@code name} whose trigger checks drift with that credential; returns its first check's line. */
    private String firstCheckOf(String name, String kubeconfigCredentialsId) throws Exception {
        TestRepo repo = sandbox.repo();
        repo.write("cm.yaml", Manifests.configMapIn("default", "cfg", "x")).commit("first");
        FreeStyleProject p = j.createFreeStyleProject(name);
        GitOpsTrigger t = new GitOpsTrigger("H/5 * * * *");
        t.setUrl(repo.url());
        t.setRef("main");
        t.setApplySet(name);
        t.setKubeconfigCredentialsId(kubeconfigCredentialsId);
        t.setCheckDrift(true);
        p.addTrigger(t);
        t.start(p, true);
        p.setDisabled(false);
        return TriggerTesting.checkNow(t);
    }

    @Test
    void theTriggersDriftCheckRunsNoCommandReadsNoFileAndSaysWhy() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("hostile", hostileKubeconfig()));

        String line = firstCheckOf("hostile", "hostile");

        assertThat(ran).as("the kubeconfig's exec plugin ran on the controller: " + line).doesNotExist();
        assertThat(line).as(line).contains("cluster not checked: the kubeconfig credential 'hostile' is not used on the Jenkins controller");
        assertThat(line).as(line).contains("it runs the exec plugin", "it reads files (users[u].client-key)");
        assertThat(line).as("says who can allow it: " + line).contains("Manage Jenkins");
        String page = j.createWebClient().getPage(j.jenkins.getItemByFullName("hostile", FreeStyleProject.class))
                .getWebResponse().getContentAsString();
        assertThat(page).as("the job page says why").contains("is not used on the Jenkins controller");
    }

    @Test
    void withoutAnyCredentialTheControllersServiceAccountIsNotUsed() throws Exception {
        String line = firstCheckOf("no-credential", null);

        assertThat(line).as(line).contains("cluster not checked: no cluster credential is configured, and this machine's own"
                + " in-cluster service account is not used on the Jenkins controller");
    }

    @Test
    void theFormCheckReadsTheKubeconfigWithoutRunningIt() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("hostile", hostileKubeconfig()));
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("inert", Kubeconfigs.of("broken", Kubeconfigs.tokenUser(), null)));
        j.createFreeStyleProject("forms");
        JenkinsRule.WebClient wc = j.createWebClient();
        String check = "job/forms/descriptorByName/" + GitOpsSyncBuilder.class.getName() + "/checkKubeconfigCredentialsId";

        String hostile = post(wc, check + "?value=hostile");
        assertThat(ran).as("the form check ran the exec plugin on the controller").doesNotExist();
        assertThat(hostile).as(hostile).contains("warning", "runs the exec plugin");
        assertThat(hostile).as(hostile).contains("does not use it on the controller");

        String inert = post(wc, check + "?value=inert&context=real");
        assertThat(inert).as(inert).contains("Context real of https://127.0.0.1:", "used as it is");
        String missing = post(wc, check + "?value=inert&context=prod");
        assertThat(missing.contains("context &#039;prod&#039; not found") || missing.contains("context 'prod' not found")).as(missing).isTrue();
    }

    @Test
    void anAdministratorMayAllowItThenTheExecPluginRuns() throws Exception {
        GitOpsGlobalSettings.get().setAllowKubeconfigCommandsOnController(true);
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("hostile", Kubeconfigs.of("real", markingExecUser(), null)));

        String line = firstCheckOf("allowed", "hostile");

        assertThat(ran).as("allowed: the exec plugin ran: " + line).exists();
        assertThat(line).as("its own message: " + line).contains("error: this must never run on the controller");
    }

    private String post(JenkinsRule.WebClient wc, String relative) throws Exception {
        WebRequest req = new WebRequest(new URL(j.getURL(), relative), HttpMethod.POST);
        String body = wc.getPage(wc.addCrumb(req)).getWebResponse().getContentAsString();
        assertThat(body.isEmpty()).as(relative).isEqualTo(false);
        return body;
    }
}
