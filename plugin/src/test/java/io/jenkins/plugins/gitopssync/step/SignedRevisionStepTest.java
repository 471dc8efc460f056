package io.jenkins.plugins.gitopssync.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testing.Signing;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.nio.file.Path;
import java.util.Locale;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Signature verification in the Pipeline step, with real keys (ssh-keygen, gpg) and real signed commits,
 * on an agent against the test cluster: a trusted signature syncs and is named on the build page and in the
 * ApplySet parent's audit trail; an unsigned revision fails the build and applies nothing.
 */
@WithJenkins
@ExtendWith(LocalRepositories.class)
class SignedRevisionStepTest {

    private JenkinsRule j;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
    }

    private WorkflowJob job(String name, String url, String ns, String keyOptions) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition("node('!built-in') {\n"
                + "  gitopsSync(url: '" + url + "', ref: 'main', path: 'deploy', namespace: '" + ns + "', applySet: '" + ns + "',"
                + " kubeconfigCredentialsId: 'kc', wait: false, verifySignatures: 'commit', " + keyOptions + ")\n"
                + "}", true));
        return p;
    }

    @Test
    void aCommitSignedByATrustedSshKeySyncsAndIsNamedOnTheBuildPageAndInTheAuditTrail() throws Exception {
        String ns = TestCluster.unique("gitops-signed");
        j.createOnlineSlave();
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", TestCluster.kubeconfigContent()));
        Signing.SshKey alice = Signing.sshKey(tmp.resolve("alice"), "alice@example.org");
        TestCredentials.add(j.jenkins, TestCredentials.secretText("signers", alice.allowedSigners()));
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            repo.write("deploy/cm.yaml", Manifests.configMapIn(ns, "cfg", "signed"));
            String rev = Signing.commitSignedWith(tmp.resolve("repo"), alice, "signed");

            WorkflowRun run = j.buildAndAssertSuccess(job("signed-ssh", repo.url(), ns, "trustedKeysCredentialsId: 'signers'"));

            SyncRecord record = run.getAction(GitOpsSyncAction.class).getRecord();
            assertEquals(rev, record.getRevision());
            assertEquals(1, record.getSignatures().size(), record.getSignatures().toString());
            assertTrue(record.getSignatures().get(0).contains("signed by alice@example.org"), record.getSignatures().get(0));
            String page = j.createWebClient().getPage(run).asNormalizedText();
            assertTrue(page.contains("Verified: commit " + rev), page);
            try (KubernetesClient c = TestCluster.client()) {
                assertEquals("signed", c.configMaps().inNamespace(ns).withName("cfg").get().getData().get("greeting"));
                Secret parent = c.secrets().inNamespace(ns).withName(ns).get();
                assertNotNull(parent, "the ApplySet parent");
                String audit = parent.getMetadata().getAnnotations().get("gitops-sync.jenkins.io/audit");
                assertNotNull(audit, "the audit trail annotation");
                assertTrue(audit.contains(rev) && audit.contains("alice@example.org") && audit.contains(run.getUrl()), audit);
            }
        }
    }

    @Test
    void anUnsignedCommitFailsTheBuildAndAppliesNothingThenAnOpenPgpSignedOneSyncs() throws Exception {
        String ns = TestCluster.unique("gitops-unsigned");
        j.createOnlineSlave();
        TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("kc", TestCluster.kubeconfigContent()));
        Signing.PgpKey bob = Signing.pgpKey(tmp.resolve("gnupg"), "Bob <bob@example.org>");
        try (TestCluster cluster = TestCluster.connect(); TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            cluster.createNamespace(ns);
            repo.write("deploy/cm.yaml", Manifests.configMapIn(ns, "cfg", "unsigned"));
            String unsigned = repo.commit("unsigned");
            TestCredentials.add(j.jenkins, TestCredentials.kubeconfigFile("keys", bob.armoredPublicKey()));
            WorkflowJob p = job("signed-pgp", repo.url(), ns, "trustedKeysCredentialsId: 'keys'");

            WorkflowRun refused = j.buildAndAssertStatus(Result.FAILURE, p);

            j.assertLogContains(unsigned.substring(0, 12), refused);
            j.assertLogContains("unsigned", refused);
            try (KubernetesClient c = TestCluster.client()) {
                assertNull(c.configMaps().inNamespace(ns).withName("cfg").get(), "nothing applied");
                assertNull(c.secrets().inNamespace(ns).withName(ns).get(), "no ApplySet parent written");
            }

            repo.write("deploy/cm.yaml", Manifests.configMapIn(ns, "cfg", "signed by bob"));
            String signed = Signing.commitSignedWith(tmp.resolve("repo"), bob, "signed");
            WorkflowRun run = j.buildAndAssertSuccess(p);
            SyncRecord record = run.getAction(GitOpsSyncAction.class).getRecord();
            assertEquals(signed, record.getRevision());
            String signature = record.getSignatures().get(0);
            assertTrue(signature.contains("Bob <bob@example.org>")
                    && signature.toUpperCase(Locale.ROOT).contains(bob.fingerprint().toUpperCase(Locale.ROOT)), signature);
            try (KubernetesClient c = TestCluster.client()) {
                assertEquals("signed by bob", c.configMaps().inNamespace(ns).withName("cfg").get().getData().get("greeting"));
            }
        } finally {
            Signing.stopAgent(bob);
        }
    }
}
