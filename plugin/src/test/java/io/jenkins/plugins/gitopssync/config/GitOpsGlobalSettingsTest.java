package io.jenkins.plugins.gitopssync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Manage Jenkins → System → GitOps Sync: defaults, the page, and what it saves. */
@WithJenkins
class GitOpsGlobalSettingsTest {

    @Test
    void theControllerTrustsNoJobByDefault(JenkinsRule j) {
        GitOpsGlobalSettings s = GitOpsGlobalSettings.get();
        assertThat(s.isAllowKubeconfigCommandsOnController()).isFalse();
        assertThat(s.isAllowLocalRepositoriesOnController()).isFalse();
        assertThat(s.controllerKubeconfigPolicy()).isEqualTo(KubeconfigPolicy.TEXT_ONLY);
        assertThat(s.getTriggerThreads()).isEqualTo(4);
        assertThat(s.getTriggerQueue()).as("above any number of triggered jobs").isEqualTo(10_000);
        assertThat(s.getTriggerTimeoutSeconds()).isEqualTo(120);
    }

    @Test
    void theSystemPageShowsTheSectionAndRoundTripsEverySetting(JenkinsRule j) throws Exception {
        GitOpsGlobalSettings s = GitOpsGlobalSettings.get();
        s.setTriggerThreads(7);
        s.setTriggerQueue(33);
        s.setTriggerTimeoutSeconds(45);
        s.setAllowKubeconfigCommandsOnController(true);
        s.setAllowLocalRepositoriesOnController(true);

        HtmlPage page = j.createWebClient().goTo("manage/configure");
        assertThat(page.asNormalizedText()).as("the section is on the page").contains("GitOps Sync");
        HtmlForm form = page.getFormByName("config");
        j.submit(form);

        GitOpsGlobalSettings saved = new GitOpsGlobalSettings(); // read back from disk
        assertThat(saved.getTriggerThreads()).isEqualTo(7);
        assertThat(saved.getTriggerQueue()).isEqualTo(33);
        assertThat(saved.getTriggerTimeoutSeconds()).isEqualTo(45);
        assertThat(saved.isAllowKubeconfigCommandsOnController()).isTrue();
        assertThat(saved.isAllowLocalRepositoriesOnController()).isTrue();
        assertThat(saved.controllerKubeconfigPolicy()).isEqualTo(KubeconfigPolicy.TRUSTED);

        s.setAllowKubeconfigCommandsOnController(false);
        j.submit(j.createWebClient().goTo("manage/configure").getFormByName("config"));
        assertThat(new GitOpsGlobalSettings().isAllowKubeconfigCommandsOnController()).as("unticking saves too").isFalse();
    }

    @Test
    void valuesOutOfRangeAreBounded(JenkinsRule j) {
        GitOpsGlobalSettings s = GitOpsGlobalSettings.get();
        s.setTriggerThreads(0);
        assertThat(s.getTriggerThreads()).isEqualTo(1);
        s.setTriggerThreads(1000);
        assertThat(s.getTriggerThreads()).isEqualTo(64);
    }
}
