package io.jenkins.plugins.gitopssync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("the kubeconfig credential 'kc-file'", c.describe());
        assertFalse(c.toString().contains("s3cr3t"), "the connection's text must not show the kubeconfig");
        Fingerprint fp = CredentialsProvider.getFingerprintOf(file);
        assertNotNull(fp, "the credential's use is tracked");
        assertTrue(fp.getRangeSet(p).includes(b.getNumber()), "the build that used it is recorded");
    }

    @Test
    void kubeconfigFromSecretTextAndTokenWithServerUrl() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.secretText("kc-text", KUBECONFIG));
        TestCredentials.add(j.jenkins, TestCredentials.secretText("token", "t0k3n"));
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject("creds2"));

        assertEquals("the kubeconfig credential 'kc-text'", CredentialResolver.forRun(b).cluster(options("kc-text", null, null)).describe());
        ClusterConnection token = CredentialResolver.forRun(b).cluster(options(null, "https://127.0.0.1:6443", "token"));
        assertEquals("API server https://127.0.0.1:6443 with a token credential", token.describe());
        assertFalse(token.toString().contains("t0k3n"));
        assertEquals("the agent's in-cluster service account",
                CredentialResolver.forRun(b).cluster(options(null, null, null)).describe());
    }

    @Test
    void missingCredentialsFailWithTheirIdOnly() throws Exception {
        FreeStyleBuild b = j.buildAndAssertSuccess(j.createFreeStyleProject("creds3"));
        AbortException kube = assertThrows(AbortException.class,
                () -> CredentialResolver.forRun(b).cluster(options("no-such-kubeconfig", null, null)));
        assertTrue(kube.getMessage().contains("'no-such-kubeconfig'"), kube.getMessage());
        AbortException token = assertThrows(AbortException.class,
                () -> CredentialResolver.forRun(b).cluster(options(null, "https://127.0.0.1:6443", "no-such-token")));
        assertTrue(token.getMessage().contains("'no-such-token'"), token.getMessage());
        AbortException git = assertThrows(AbortException.class, () -> CredentialResolver.forRun(b).git("no-such-git", "https://git.example.com/r.git"));
        assertTrue(git.getMessage().contains("'no-such-git'"), git.getMessage());
    }

    @Test
    void triggerLooksCredentialsUpInTheJob() throws Exception {
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc-job", KUBECONFIG));
        FreeStyleProject p = j.createFreeStyleProject("creds4");
        assertEquals("the kubeconfig credential 'kc-job'", CredentialResolver.forItem(p).cluster(options("kc-job", null, null)).describe());
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

        assertEquals("scoped", CredentialResolver.forRun(b).git("scoped", "https://git.example.com/org/r.git").getId());
        assertThrows(AbortException.class, () -> CredentialResolver.forRun(b).git("scoped", "https://elsewhere.example.org/r.git"));
        assertThrows(AbortException.class, () -> CredentialResolver.forItem(b.getParent()).git("scoped", "https://elsewhere.example.org/r.git"));
        assertEquals("API server https://git.example.com:6443 with a token credential",
                CredentialResolver.forRun(b).cluster(options(null, "https://git.example.com:6443", "scoped-token")).describe());
        assertThrows(AbortException.class, () -> CredentialResolver.forRun(b).cluster(options(null, "https://k8s.example.org:6443", "scoped-token")));
    }
}
