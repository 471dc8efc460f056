package io.jenkins.plugins.gitopssync.config;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitopssync.freestyle.GitOpsSyncBuilder;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.trigger.GitOpsTrigger;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * The form endpoints: credential lists show only the current value to users without Job/Configure,
 * checks answer 403 to them, and every endpoint refuses GET.
 */
class FormPermissionTest extends JenkinsTestBase {

    private FreeStyleProject p;

    @BeforeEach
    void setUp() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc-secret", "apiVersion: v1\nkind: Config\n"));
        TestCredentials.add(j.jenkins, TestCredentials.secretText("token-secret", "t"));
        p = j.createFreeStyleProject("forms");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
    }

    private static List<String> values(ListBoxModel m) {
        return m.stream().map(o -> o.value).toList();
    }

    @Test
    void credentialListsNeedConfigure() {
        GitOpsSyncBuilder.DescriptorImpl d = j.jenkins.getDescriptorByType(GitOpsSyncBuilder.DescriptorImpl.class);
        try (ACLContext ctx = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(values(d.doFillKubeconfigCredentialsIdItems(p, "current-id"))).isEqualTo(List.of("current-id"));
            assertThat(values(d.doFillTokenCredentialsIdItems(p, "https://k8s:6443", "current-id"))).isEqualTo(List.of("current-id"));
            assertThat(values(d.doFillDecryptionCredentialsIdItems(p, "current-id"))).isEqualTo(List.of("current-id"));
        }
        try (ACLContext ctx = ACL.as2(User.getById("configurer", true).impersonate2())) {
            List<String> kube = values(d.doFillKubeconfigCredentialsIdItems(p, ""));
            assertThat(kube).as("file and text kubeconfigs: " + kube).contains("kc-secret", "token-secret");
            List<String> token = values(d.doFillTokenCredentialsIdItems(p, "https://k8s:6443", ""));
            assertThat(token).as("secret text only: " + token).contains("token-secret").doesNotContain("kc-secret");
            List<String> keys = values(d.doFillDecryptionCredentialsIdItems(p, ""));
            assertThat(keys).as("file and text decryption keys: " + keys).contains("kc-secret", "token-secret");
        }
        try (ACLContext ctx = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThat(values(d.doFillCredentialsIdItems(p, "https://git.example.com/r.git", "current-id"))).isEqualTo(List.of("current-id"));
        }
    }

    private Page post(JenkinsRule.WebClient wc, String relative) throws Exception {
        WebRequest req = new WebRequest(new URL(j.getURL(), relative), HttpMethod.POST);
        return wc.getPage(wc.addCrumb(req));
    }

    @Test
    void checksNeedConfigureAndPost() throws Exception {
        String check = "job/forms/descriptorByName/" + GitOpsSyncBuilder.class.getName() + "/checkPath?value=..%2Fsecrets";

        JenkinsRule.WebClient reader = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("reader");
        assertThat(post(reader, check).getWebResponse().getStatusCode()).as("reader may not run checks").isEqualTo(403);

        JenkinsRule.WebClient configurer = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("configurer");
        Page ok = post(configurer, check);
        assertThat(ok.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(ok.getWebResponse().getContentAsString()).as("the path check ran").contains("inside the repository");

        Page get = configurer.goTo(check, null);
        assertThat(get.getWebResponse().getStatusCode()).as("GET is not served (@POST)").isEqualTo(404);

        String trigger = "job/forms/descriptorByName/" + GitOpsTrigger.class.getName() + "/checkSpec?value=H%20*%20*%20*%20*";
        assertThat(post(reader, trigger).getWebResponse().getStatusCode()).as("trigger checks need Configure too").isEqualTo(403);
        assertThat(post(configurer, trigger).getWebResponse().getStatusCode()).isEqualTo(200);
    }
}
