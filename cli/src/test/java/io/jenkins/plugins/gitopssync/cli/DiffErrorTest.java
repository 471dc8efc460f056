package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff and sync exit 2, with one error line and no stack trace, when the cluster or input is bad. */
class DiffErrorTest {

    @TempDir
    Path tmp;

    private static final String CONFIG = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: x\n";

    @Test
    void unreachableClusterExits2() throws Exception {
        Path kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster:
                    server: https://127.0.0.1:1
                    insecure-skip-tls-verify: true
                users:
                - name: someone
                  user:
                    token: abcdef-token-value
                contexts:
                - name: nowhere
                  context:
                    cluster: nowhere
                    user: someone
                current-context: nowhere
                """);
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("a.yaml", CONFIG).commit("a");
            Path badge = tmp.resolve("b.svg");
            CliRunner.Run run = new CliRunner(tmp).run("diff", "--repo", repo.dir().toString(),
                    "--kubeconfig", kubeconfig.toString(), "--badge", badge.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("error: ").doesNotContain("\tat ").doesNotContain("abcdef-token-value");
            ClusterSyncTest.assertBadge(badge, "gitops: failed");
        }
    }

    @Test
    void unknownContextIsAnErrorNotAFallback() throws Exception {
        Path kubeconfig = tmp.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: dev, context: {cluster: c, user: u}}, {name: prod, context: {cluster: c, user: u}}]
                current-context: dev
                """);
        CliRunner.Run run = new CliRunner(tmp).run("status", "--applyset", "x", "--kubeconfig", kubeconfig.toString(),
                "--context", "staging");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: context 'staging' not found in kubeconfig " + kubeconfig
                + " (contexts: dev, prod)");
    }

    @Test
    void missingKubeconfigExits2() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("a.yaml", CONFIG).commit("a");
            CliRunner.Run run = new CliRunner(tmp).run("sync", "--repo", repo.dir().toString(),
                    "--kubeconfig", tmp.resolve("none").toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("error: kubeconfig not found: " + tmp.resolve("none")).doesNotContain("\tat ");
            CliRunner.Run verbose = new CliRunner(tmp).run("sync", "--verbose", "--repo", repo.dir().toString(),
                    "--kubeconfig", tmp.resolve("none").toString());
            assertThat(verbose.exitCode()).isEqualTo(2);
            assertThat(verbose.err()).contains("error: kubeconfig not found").contains("\tat io.jenkins.plugins.gitopssync.cli.");
            CliRunner.Run noCluster = new CliRunner(tmp).run("status", "--applyset", "x");
            assertThat(noCluster.exitCode()).isEqualTo(2);
            assertThat(noCluster.err()).contains("error: no cluster given: pass --kubeconfig FILE or set KUBECONFIG");
        }
    }
}
