package io.jenkins.plugins.gitopssync.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertFalse(s.isAllowKubeconfigCommandsOnController());
        assertFalse(s.isAllowLocalRepositoriesOnController());
        assertEquals(KubeconfigPolicy.TEXT_ONLY, s.controllerKubeconfigPolicy());
        assertEquals(4, s.getTriggerThreads());
        assertEquals(100, s.getTriggerQueue());
        assertEquals(120, s.getTriggerTimeoutSeconds());
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
        assertTrue(page.asNormalizedText().contains("GitOps Sync"), "the section is on the page");
        HtmlForm form = page.getFormByName("config");
        j.submit(form);

        GitOpsGlobalSettings saved = new GitOpsGlobalSettings(); // read back from disk
        assertEquals(7, saved.getTriggerThreads());
        assertEquals(33, saved.getTriggerQueue());
        assertEquals(45, saved.getTriggerTimeoutSeconds());
        assertTrue(saved.isAllowKubeconfigCommandsOnController());
        assertTrue(saved.isAllowLocalRepositoriesOnController());
        assertEquals(KubeconfigPolicy.TRUSTED, saved.controllerKubeconfigPolicy());

        s.setAllowKubeconfigCommandsOnController(false);
        j.submit(j.createWebClient().goTo("manage/configure").getFormByName("config"));
        assertFalse(new GitOpsGlobalSettings().isAllowKubeconfigCommandsOnController(), "unticking saves too");
    }

    @Test
    void valuesOutOfRangeAreBounded(JenkinsRule j) {
        GitOpsGlobalSettings s = GitOpsGlobalSettings.get();
        s.setTriggerThreads(0);
        assertEquals(1, s.getTriggerThreads());
        s.setTriggerThreads(1000);
        assertEquals(64, s.getTriggerThreads());
    }
}
