package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.model.Fingerprint;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Credential lookup for a build: secret file and secret text kubeconfigs, tokens, tracking, clear errors. */
class CredentialResolverTest extends JenkinsTestBase {

    static final String KUBECONFIG = "apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    token: s3cr3t-token-value\n";

    private static SyncSpec options(String kubeconfigId, String serverUrl, String tokenId) {
        return SyncSpec.builder("https://git.example.com/r.git").kubeconfigCredentialsId(kubeconfigId).serverUrl(serverUrl)
                .tokenCredentialsId(tokenId).build();
    }

    @Test
    void kubeconfigFromSecretFileIsFoundAndTracked() throws Exception {
        FileCredentialsImpl file = TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc-file", KUBECONFIG));
        FreeStyleProject p = j.createFreeStyleProject("creds");
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        ClusterConnection c = CredentialResolver.forRun(b).cluster(options("kc-file", null, null));
        assertThat(c.describe()).isEqualTo("the kubeconfig credential 'kc-file'");
        assertThat(c.toString()).as("the connection's text must not show the kubeconfig").doesNotContain("s3cr3t");
        Fingerprint fp = CredentialsProvider.getFingerprintOf(file);
        assertThat(fp).as("the credential's use is tracked").isNotNull();
        assertThat(fp.getRangeSet(p).includes(b.getNumber())).as("the build that used it is recorded").isTrue();
    }

    @Test
    void kubeconfigFromSecretTextAndTokenWithServerUrl() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.secretText("kc-text", KUBECONFIG));
        TestCredentials.add(j.jenkins, TestCredentials.secretText("token", "t0k3n"));
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject("creds2"));

        assertThat(CredentialResolver.forRun(b).cluster(options("kc-text", null, null)).describe()).isEqualTo("the kubeconfig credential 'kc-text'");
        ClusterConnection token = CredentialResolver.forRun(b).cluster(options(null, "https://127.0.0.1:6443", "token"));
        assertThat(token.describe()).isEqualTo("API server https://127.0.0.1:6443 with a token credential");
        assertThat(token.toString()).doesNotContain("t0k3n");
        assertThat(CredentialResolver.forRun(b).cluster(options(null, null, null)).describe()).isEqualTo("the agent's in-cluster service account");
    }

    @Test
    void missingCredentialsFailWithTheirIdOnly() throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject("creds3"));
        AbortException kube = assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> CredentialResolver.forRun(b).cluster(options("no-such-kubeconfig", null, null))).actual();
        assertThat(kube.getMessage()).as(kube.getMessage()).contains("'no-such-kubeconfig'");
        AbortException token = assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> CredentialResolver.forRun(b).cluster(options(null, "https://127.0.0.1:6443", "no-such-token"))).actual();
        assertThat(token.getMessage()).as(token.getMessage()).contains("'no-such-token'");
        AbortException git = assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> CredentialResolver.forRun(b).git("no-such-git", "https://git.example.com/r.git")).actual();
        assertThat(git.getMessage()).as(git.getMessage()).contains("'no-such-git'");
    }

    @Test
    void triggerLooksCredentialsUpInTheJob() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc-job", KUBECONFIG));
        FreeStyleProject p = j.createFreeStyleProject("creds4");
        assertThat(CredentialResolver.forItem(p).cluster(options("kc-job", null, null)).describe()).isEqualTo("the kubeconfig credential 'kc-job'");
    }

    /** A credential kept in a domain for one host is not sent to another: every lookup names the URL it is for. */
    @Test
    void lookupsCarryTheDomainOfTheUrlTheyAreFor() throws Exception {
        com.cloudbees.plugins.credentials.domains.Domain gitHost = new com.cloudbees.plugins.credentials.domains.Domain(
                "git host", null, List.of(new com.cloudbees.plugins.credentials.domains.HostnameSpecification("git.example.com", null)));
        com.cloudbees.plugins.credentials.CredentialsProvider.lookupStores(j.jenkins).iterator().next()
                .addDomain(gitHost, TestCredentials.usernamePassword("scoped", "ci", "pw"));
        com.cloudbees.plugins.credentials.CredentialsProvider.lookupStores(j.jenkins).iterator().next()
                .addCredentials(gitHost, TestCredentials.secretText("scoped-token", "t0k3n"));
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject("domains"));

        assertThat(CredentialResolver.forRun(b).git("scoped", "https://git.example.com/org/r.git").getId()).isEqualTo("scoped");
        assertThatThrownBy(() -> CredentialResolver.forRun(b).git("scoped", "https://elsewhere.example.org/r.git"))
                .isInstanceOf(AbortException.class);
        assertThatThrownBy(() -> CredentialResolver.forItem(b.getParent()).git("scoped", "https://elsewhere.example.org/r.git"))
                .isInstanceOf(AbortException.class);
        assertThat(CredentialResolver.forRun(b).cluster(options(null, "https://git.example.com:6443", "scoped-token")).describe())
                .isEqualTo("API server https://git.example.com:6443 with a token credential");
        assertThatThrownBy(() -> CredentialResolver.forRun(b).cluster(options(null, "https://k8s.example.org:6443", "scoped-token")))
                .isInstanceOf(AbortException.class);
    }
}
