package io.jenkins.plugins.gitopssync.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.Signing;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The freestyle step: its form keeps every option, and it syncs in a freestyle build. */
@ExtendWith(LocalRepositories.class)
class GitOpsSyncBuilderTest extends JenkinsTestBase {

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-fs");

    /** The form renders every field with its label (a label with parentheses once broke the view). */
    @Test
    void configPageShowsEveryField() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("form");
        p.getBuildersList().add(new GitOpsSyncBuilder("https://git.example.com/org/manifests.git"));

        HtmlPage page = j.createWebClient().getPage(p, "configure");

        String text = page.asNormalizedText();
        for (String label : List.of("Repository URL", "Branch, tag or commit", "Kubeconfig credentials", "Dry run",
                "Only show what would change", "Force", "CA certificate", "Wait for health", "Concurrency", "Verify signatures",
                "Trusted keys credentials", "Trusted keys", "Decryption keys credentials", "Substitute from the cluster",
                "Strict substitution", "Skip the sops MAC check")) {
            assertThat(text.contains(label) || page.asXml().contains(label)).as("label shown: " + label).isTrue();
        }
        assertThat(page.getElementsByName("_.url")).as("the configured URL is in the form")
                .anyMatch(e -> "https://git.example.com/org/manifests.git".equals(e.getAttribute("value")));
    }

    /** A freestyle step for the repository at {@code url} in a new freestyle job {@code name}. */
    private GitOpsSyncBuilder builderIn(String name, String url) throws Exception {
        GitOpsSyncBuilder b = new GitOpsSyncBuilder(url);
        j.createFreeStyleProject(name).getBuildersList().add(b);
        return b;
    }

    private FreeStyleProject job(String name) {
        return j.jenkins.getItemByFullName(name, FreeStyleProject.class);
    }

    @Test
    void configRoundtripKeepsEveryOption() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", "apiVersion: v1\nkind: Config\n"));
        GitOpsSyncBuilder b = builderIn("roundtrip", "https://git.example.com/org/manifests.git");
        b.setRef("v1.2.3");
        b.setPath("clusters/prod");
        b.setKubeconfigCredentialsId("kc");
        b.setNamespace("shop");
        b.setTargetNamespace("shop-prod");
        b.setPrune(true);
        b.setDryRun(true);
        b.setFailOnDrift(true);
        b.setWait(false);
        b.setTimeout("90s");
        b.setForce(true);
        b.setApplySet("shop-prod");
        b.setConcurrency(4);
        b.setCaCertificate("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----");
        TestCredentials.add(j.jenkins, TestCredentials.secretText("keys", Signing.sshKey(tmp.resolve("k1"), "a@example.org").allowedSigners()));
        b.setVerifySignatures("both");
        b.setTrustedKeysCredentialsId("keys");
        b.setTrustedKeys(Signing.sshKey(tmp.resolve("k2"), "b@example.org").allowedSigners());
        TestCredentials.add(j.jenkins, TestCredentials.secretText("age", "AGE-SECRET-KEY-1"));
        b.setDecryptionCredentialsId("age");
        b.setSkipMacCheck(true);
        b.setSubstitute("cluster=prod\nregion=eu-central-1");
        b.setSubstituteCredentials("token=tok");
        b.setSubstituteFrom("configmap/cluster-vars\nsecret/extra?");
        b.setStrictSubstitution(false);
        FreeStyleProject p = job("roundtrip");

        j.configRoundtrip(p);

        GitOpsSyncBuilder after = p.getBuildersList().get(GitOpsSyncBuilder.class);
        j.assertEqualDataBoundBeans(b, after);
        assertThat(after.isWait()).isFalse();
        assertThat(after.getTimeout()).isEqualTo("90s");
        assertThat(after.getVerifySignatures()).isEqualTo("both");
        assertThat(after.getTrustedKeys()).as(after.getTrustedKeys()).startsWith("b@example.org ssh-ed25519 ");
        assertThat(after.getSubstituteFrom()).isEqualTo("configmap/cluster-vars\nsecret/extra?");
        assertThat(after.isStrictSubstitution()).isFalse();
        assertThat(after.isSkipMacCheck()).isTrue();
    }

    @Test
    void configRoundtripWithServerAndToken() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.secretText("tok", "t"));
        GitOpsSyncBuilder b = builderIn("roundtrip2", "https://git.example.com/org/manifests.git");
        b.setServerUrl("https://127.0.0.1:6443");
        b.setTokenCredentialsId("tok");
        FreeStyleProject p = job("roundtrip2");

        j.configRoundtrip(p);

        j.assertEqualDataBoundBeans(b, p.getBuildersList().get(GitOpsSyncBuilder.class));
    }

    @Test
    void invalidOptionsFailTheBuildWithAMessage() throws Exception {
        builderIn("invalid", "https://git.example.com/org/manifests.git").setPath("../outside");

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, job("invalid"));

        j.assertLogContains("The path must stay inside the repository (no '..'): ../outside", build);
        j.assertLogNotContains("\tat ", build);
    }

    @Test
    void freestyleBuildSyncsToTheCluster() throws Exception {
        String ns = sandbox.namespace();
        TestRepo repo = sandbox.repo();
        repo.write("deploy/cm.yaml", Manifests.configMapIn(ns, "cfg", "hello")).write("deploy/cm2.yaml", Manifests.configMapIn(ns, "cfg2", "hi"));
        String rev = repo.commit("first");
        kubeconfigCredential();
        GitOpsSyncBuilder b = builderIn("freestyle-sync", repo.url());
        b.setRef("main");
        b.setPath("deploy");
        b.setNamespace(ns);
        b.setKubeconfigCredentialsId(KUBECONFIG_CREDENTIAL);

        FreeStyleBuild build = j.buildAndAssertSuccess(job("freestyle-sync"));

        GitOpsSyncAction action = build.getAction(GitOpsSyncAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getRecord().getRevision()).isEqualTo(rev);
        assertThat(action.getRecord().getCreated()).isEqualTo(2);
        j.assertLogContains("Status: synced", build);
    }
}
