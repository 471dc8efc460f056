package io.jenkins.plugins.gitopssync.step;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.testing.JenkinsTestBase;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.Signing;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.ClusterSandbox;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.util.Locale;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signature verification in the Pipeline step, with real keys (ssh-keygen, gpg) and real signed commits,
 * on an agent against the test cluster: a trusted signature syncs and is named on the build page and in the
 * ApplySet parent's audit trail; an unsigned revision fails the build and applies nothing.
 */
@ExtendWith(LocalRepositories.class)
class SignedRevisionStepTest extends JenkinsTestBase {

    @RegisterExtension
    final ClusterSandbox sandbox = new ClusterSandbox("gitops-signed");

    /** A job syncing the sandbox's repository on an agent, verifying the commit's signature against {@code keyOptions}. */
    private WorkflowJob job(String name, String keyOptions) throws Exception {
        j.createOnlineSlave();
        kubeconfigCredential();
        String ns = sandbox.namespace();
        return onAgent(name, "  gitopsSync(url: '" + sandbox.repo().url() + "', ref: 'main', path: 'deploy', namespace: '" + ns
                + "', applySet: '" + ns + "', kubeconfigCredentialsId: 'kc', wait: false, verifySignatures: 'commit', " + keyOptions + ")");
    }

    /** The sandbox's repository with a ConfigMap greeting {@code greeting} in the sandbox's namespace, not committed yet. */
    private TestRepo withConfigMap(String greeting) {
        return sandbox.repo().write("deploy/cm.yaml", Manifests.configMapIn(sandbox.namespace(), "cfg", greeting));
    }

    private ConfigMap configMap() {
        return sandbox.kube().configMaps().inNamespace(sandbox.namespace()).withName("cfg").get();
    }

    @Test
    void aCommitSignedByATrustedSshKeySyncsAndIsNamedOnTheBuildPageAndInTheAuditTrail() throws Exception {
        Signing.SshKey alice = Signing.sshKey(tmp.resolve("alice"), "alice@example.org");
        TestCredentials.add(j.jenkins, TestCredentials.secretText("signers", alice.allowedSigners()));
        String ns = sandbox.namespace();
        String rev = Signing.commitSignedWith(withConfigMap("signed").dir(), alice, "signed");

        WorkflowRun run = j.buildAndAssertSuccess(job("signed-ssh", "trustedKeysCredentialsId: 'signers'"));

        SyncRecord record = run.getAction(GitOpsSyncAction.class).getRecord();
        assertThat(record.getRevision()).isEqualTo(rev);
        assertThat(record.getSignatures()).as(record.getSignatures().toString()).hasSize(1);
        assertThat(record.getSignatures().get(0)).as(record.getSignatures().get(0)).contains("signed by alice@example.org");
        String page = j.createWebClient().getPage(run).asNormalizedText();
        assertThat(page).as(page).contains("Verified: commit " + rev);
        assertThat(configMap().getData().get("greeting")).isEqualTo("signed");
        Secret parent = sandbox.kube().secrets().inNamespace(ns).withName(ns).get();
        assertThat(parent).as("the ApplySet parent").isNotNull();
        String audit = parent.getMetadata().getAnnotations().get("gitops-sync.jenkins.io/audit");
        assertThat(audit).as("the audit trail annotation").isNotNull();
        assertThat(audit).as(audit).contains(rev, "alice@example.org", run.getUrl());
    }

    @Test
    void anUnsignedCommitFailsTheBuildAndAppliesNothingThenAnOpenPgpSignedOneSyncs() throws Exception {
        Signing.PgpKey bob = Signing.pgpKey(tmp.resolve("gnupg"), "Bob <bob@example.org>");
        try {
            String ns = sandbox.namespace("gitops-unsigned");
            String unsigned = withConfigMap("unsigned").commit("unsigned");
            TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("keys", bob.armoredPublicKey()));
            WorkflowJob p = job("signed-pgp", "trustedKeysCredentialsId: 'keys'");

            WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, p);

            j.assertLogContains(unsigned.substring(0, 12), refused);
            j.assertLogContains("is not signed", refused); // the refusal's words, not the namespace's name
            assertThat(configMap()).as("nothing applied").isNull();
            assertThat(sandbox.kube().secrets().inNamespace(ns).withName(ns).get()).as("no ApplySet parent written").isNull();

            String signed = Signing.commitSignedWith(withConfigMap("signed by bob").dir(), bob, "signed");
            WorkflowRun run = j.buildAndAssertSuccess(p);
            SyncRecord record = run.getAction(GitOpsSyncAction.class).getRecord();
            assertThat(record.getRevision()).isEqualTo(signed);
            String signature = record.getSignatures().get(0);
            assertThat(signature.contains("Bob <bob@example.org>")
                    && signature.toUpperCase(Locale.ROOT).contains(bob.fingerprint().toUpperCase(Locale.ROOT))).as(signature).isTrue();
            assertThat(configMap().getData().get("greeting")).isEqualTo("signed by bob");
        } finally {
            Signing.stopAgent(bob);
        }
    }
}
