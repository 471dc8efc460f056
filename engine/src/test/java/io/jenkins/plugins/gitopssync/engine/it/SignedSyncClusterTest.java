package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.inventory.AuditEntry;
import io.jenkins.plugins.gitopssync.engine.inventory.AuditTrail;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import io.jenkins.plugins.gitopssync.engine.verify.SigningKit;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.engine.verify.VerifyMode;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signature checks and the audit trail against a real API server: a refused revision sends no request
 * and leaves the cluster as it was; a verified one records its signer in the result, the JSON report and
 * the parent's audit annotation, which {@code status} returns.
 */
class SignedSyncClusterTest extends ClusterTestBase {

    private SigningKit kit;
    private SigningKit.Repo signed;
    private TrustedKeys trustAlice;
    private String alice;

    @BeforeEach
    void keys() throws Exception {
        kit = new SigningKit(tmp.resolve("kit"));
        alice = kit.gpgKey("Alice <alice@example.org>");
        trustAlice = TrustedKeys.parse("alice.asc", kit.exportPublic(alice));
        signed = kit.repo("manifests");
    }

    private SyncRequest.Builder signedRequest(String commit, VerifyMode mode, String tag) {
        return SyncRequest.builder(new ManifestSource(signed.root(), commit, "."), applySet).applySetNamespace(ns)
                .prune(true)
                .verifySignatures(new SignatureCheck(signed.gitDir(), commit, tag, mode, trustAlice));
    }

    @Test
    void refusedRevisionAppliesNothingAndSendsNoRequest() throws Exception {
        String unsigned = signed.write("cm.yaml", Manifests.configMap("refused", "k", "v")).commit("unsigned", List.of());

        SyncResult diff = engine.sync(signedRequest(unsigned, VerifyMode.COMMIT, null).dryRun(true).build());
        SyncResult sync = engine.sync(signedRequest(unsigned, VerifyMode.COMMIT, null).build());

        for (SyncResult r : List.of(diff, sync)) {
            assertThat(r.status()).isEqualTo(SyncStatus.Failed);
            assertThat(r.apiRequests()).isZero();
            assertThat(r.objects()).isEmpty();
            assertThat(r.verification()).isNull();
            assertThat(r.errors()).singleElement().asString().contains("commit " + unsigned).contains("is not signed")
                    .contains("nothing was read from or written to the cluster");
        }
        assertThat(client.configMaps().inNamespace(ns).withName("refused").get()).isNull();
        assertThat(client.secrets().inNamespace(ns).withName(applySet).get()).as("no ApplySet parent").isNull();
        assertThat(client.leases().inNamespace(ns).list().getItems()).as("no lease taken").isEmpty();
    }

    @Test
    void signedTagOnUnsignedCommitIsRefusedUnderBothAndSyncedUnderTag() throws Exception {
        String commit = signed.write("cm.yaml", Manifests.configMap("tagged", "k", "v")).commit("unsigned", List.of());
        signed.tag("v1", kit.signWithGpg(alice, null));

        SyncResult both = engine.sync(signedRequest(commit, VerifyMode.BOTH, "v1").build());
        assertThat(both.errors()).singleElement().asString().contains("commit " + commit).contains("is not signed");
        assertThat(client.configMaps().inNamespace(ns).withName("tagged").get()).isNull();

        SyncResult tag = engine.sync(signedRequest(commit, VerifyMode.TAG, "v1").build());
        assertThat(tag.status()).isEqualTo(SyncStatus.Synced);
        assertThat(tag.verification().signers()).singleElement().extracting(s -> s.object()).isEqualTo("tag v1");
        assertThat(client.configMaps().inNamespace(ns).withName("tagged").get()).isNotNull();
    }

    @Test
    void verifiedSyncIsAuditedInTheParentAndShownByStatus() throws Exception {
        String first = signed.write("cm.yaml", Manifests.configMap("audited", "k", "v1"))
                .commit("v1", kit.signWithGpg(alice, null));
        // a build URL with credentials in it: they must not reach the cluster
        String origin = "Jenkins https://builder:s3cr3t-token@jenkins.example.org/job/deploy/7/ started by alice";

        SyncResult r1 = engine.sync(signedRequest(first, VerifyMode.COMMIT, null).origin(origin).build());
        assertThat(r1.status()).as("%s", r1.errors()).isEqualTo(SyncStatus.Synced);
        assertThat(r1.verification().signers()).singleElement().satisfies(s -> {
            assertThat(s.fingerprint()).isEqualTo(alice);
            assertThat(s.identity()).isEqualTo("Alice <alice@example.org>");
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> report = new ObjectMapper().readValue(JsonReport.toJson(r1), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> signature = (Map<String, Object>) report.get("signature");
        assertThat(signature).containsEntry("mode", "commit").containsEntry("verified", true);
        assertThat(report.get("signature").toString()).contains(alice).contains("Alice <alice@example.org>");

        Secret parent = client.secrets().inNamespace(ns).withName(applySet).get();
        String annotation = parent.getMetadata().getAnnotations().get(AuditTrail.ANNOTATION);
        assertThat(annotation).contains(first).contains("Alice <alice@example.org>").contains(alice)
                .contains("jenkins.example.org/job/deploy/7/").doesNotContain("s3cr3t").doesNotContain("builder:");

        // a no-op sync writes nothing, so it adds no entry
        SyncResult noop = engine.sync(signedRequest(first, VerifyMode.COMMIT, null).origin("gitops-sync bob@laptop").build());
        assertThat(noop.totals().changed()).isZero();
        String second = signed.write("cm.yaml", Manifests.configMap("audited", "k", "v2"))
                .commit("v2", kit.signWithGpg(alice, null));
        SyncResult r2 = engine.sync(SyncRequest.builder(new ManifestSource(signed.root(), second, "."), applySet)
                .applySetNamespace(ns).prune(true).origin("gitops-sync bob@laptop").build());
        assertThat(r2.status()).isEqualTo(SyncStatus.Synced);

        InventoryStatus status = engine.status(applySet, ns);
        assertThat(status.audit()).extracting(AuditEntry::revision).containsExactly(first, second);
        AuditEntry verified = status.audit().get(0);
        assertThat(verified.signer()).contains("Alice <alice@example.org>").contains(alice);
        assertThat(verified.origin()).startsWith("Jenkins https://jenkins.example.org/job/deploy/7/");
        assertThat(verified.outcome()).isEqualTo("applied");
        assertThat(status.audit().get(1).signer()).as("not verified").isNull();
        assertThat(status.audit().get(1).origin()).isEqualTo("gitops-sync bob@laptop");
        assertThat(JsonReport.toJson(status)).contains("\"audit\"").contains("gitops-sync bob@laptop");
    }
}
