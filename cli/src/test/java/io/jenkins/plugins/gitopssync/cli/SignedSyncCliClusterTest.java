package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sync --verify-signatures against the real cluster: refused revisions apply nothing; status prints the audit trail. */
class SignedSyncCliClusterTest {

    @TempDir
    Path tmp;

    private TestCluster cluster;
    private CliRunner cli;
    private String ns;
    private String applySet;
    private SshSignedRepo repo;
    private Path trusted;

    @BeforeEach
    void setUp() throws Exception {
        cluster = TestCluster.connect();
        cli = new CliRunner(tmp).env("USER", "tester").env("HOSTNAME", "build-host");
        ns = cluster.createNamespace(cluster.name("gsc-sig"));
        applySet = cluster.name("signed");
        repo = new SshSignedRepo(tmp.resolve("repo"));
        trusted = Files.writeString(tmp.resolve("allowed_signers"), repo.allowedSigner("alice@example.org"));
    }

    @AfterEach
    void cleanUp() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private CliRunner.Run run(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--repo", repo.dir().toString(),
                "--kubeconfig", TestCluster.kubeconfig().toString(), "--namespace", ns, "--applyset", applySet));
        a.addAll(List.of(more));
        return cli.run(a.toArray(String[]::new));
    }

    private static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  k: v\n";
    }

    @Test
    void unsignedRevisionIsRefusedAndAppliesNothing() throws Exception {
        String unsigned = repo.commit("cm.yaml", configMap("unsigned-app"), false);

        CliRunner.Run sync = run("sync", "--verify-signatures", "commit", "--trusted-keys", trusted.toString(),
                "--report", tmp.resolve("report.json").toString());

        assertThat(sync.exitCode()).as(sync.toString()).isEqualTo(ExitCodes.ERROR);
        assertThat(sync.err()).contains("commit " + unsigned + " is not signed")
                .contains("nothing was read from or written to the cluster");
        assertThat(sync.out()).contains("0 API requests; Failed");
        assertThat(cluster.kube().configMaps().inNamespace(ns).withName("unsigned-app").get()).isNull();
        assertThat(cluster.kube().secrets().inNamespace(ns).withName(applySet).get()).isNull();
        assertThat(Files.readString(tmp.resolve("report.json"))).contains("is not signed")
                .contains("\"signature\" : null");
    }

    @Test
    void signedSyncIsAuditedAndStatusPrintsTheTrail() throws Exception {
        String signed = repo.commit("cm.yaml", configMap("signed-app"), true);

        CliRunner.Run sync = run("sync", "--verify-signatures", "commit", "--trusted-keys", trusted.toString(),
                "--report", tmp.resolve("report.json").toString());
        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(sync.out()).contains("revision " + signed.substring(0, 7) + " (signed by alice@example.org)");
        assertThat(Files.readString(tmp.resolve("report.json"))).contains("\"identity\" : \"alice@example.org\"")
                .contains("\"format\" : \"ssh\"");
        assertThat(cluster.kube().configMaps().inNamespace(ns).withName("signed-app").get()).isNotNull();

        // visible with kubectl get secret <parent> -o yaml: an annotation on the parent
        Secret parent = cluster.kube().secrets().inNamespace(ns).withName(applySet).get();
        assertThat(parent.getMetadata().getAnnotations().get("gitops-sync.jenkins.io/audit"))
                .contains(signed).contains("gitops-sync tester@build-host").contains("alice@example.org");

        CliRunner.Run status = run("status", "--report", tmp.resolve("status.json").toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("synced +\\S+Z " + signed.substring(0, 7)
                + " applied by gitops-sync tester@build-host, signed: commit: alice@example.org \\(ssh SHA256:");
        assertThat(Files.readString(tmp.resolve("status.json"))).contains("\"audit\"").contains(signed);
    }
}
