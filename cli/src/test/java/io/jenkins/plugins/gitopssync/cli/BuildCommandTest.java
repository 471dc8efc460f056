package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build}: YAML on stdout with sources, Secrets masked, exit 2 with file:line on bad input. */
class BuildCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsEveryExampleObjectWithItsSourceAndMasksSecrets() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.copy(CliRunner.examples().resolve("shop"), "shop", s -> s).commit("shop");
            CliRunner.Run run = new CliRunner(tmp).run("build", "--repo", repo.dir().toString(), "--path", "shop");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().split("(?m)^---$")).hasSize(12); // 11 documents after the first separator
            assertThat(run.out()).contains("# Source: shop/namespace.yaml:1", "# Source: shop/config.yaml:14",
                    "kind: Secret", "name: payment-gateway", "image: registry.example/shop/frontend:1.0");
            assertThat(run.out()).doesNotContain("not-a-real-key-0000").contains("***");

            CliRunner.Run shown = new CliRunner(tmp).run("build", "--repo", repo.dir().toString(), "--path", "shop",
                    "--show-secrets");
            assertThat(shown.out()).contains("not-a-real-key-0000");
        }
    }

    @Test
    void rendersTheKustomizeOverlay() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.copy(CliRunner.examples().resolve("kustomize"), "kustomize", s -> s).commit("kustomize");
            CliRunner.Run run = new CliRunner(tmp).run("build", "--repo", repo.dir().toString(),
                    "--path", "kustomize/overlays/staging");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("name: staging-web", "namespace: guestbook-staging", "replicas: 2",
                    "LOG_LEVEL: debug", "environment: staging");
        }
    }

    @Test
    void malformedYamlExitsWith2NamingTheFile() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n")
                    .write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n")
                    .commit("bad");
            CliRunner.Run run = new CliRunner(tmp).run("build", "--repo", repo.dir().toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("error: ").contains("bad.yaml").doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void pathEscapingTheRepositoryIsRefused() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n").commit("a");
            CliRunner.Run run = new CliRunner(tmp).run("build", "--repo", repo.dir().toString(), "--path", "../..");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("error: ").contains("..");
        }
    }

    /** The engine's bounds, as the plugin's forms check them: before anything is read from the cluster. */
    @Test
    void concurrencyOutOfBoundsIsRefused() throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
        CliRunner.Run run = new CliRunner(tmp).run("diff", "--repo", tmp.toString(), "--concurrency", "65");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("error: concurrency 65 is out of bounds: give 1 to 64");
    }

    @Test
    void usageErrorsExitWith2() {
        CliRunner cli = new CliRunner(tmp);
        assertThat(cli.run("sync", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(cli.run().exitCode()).isEqualTo(2);
        CliRunner.Run badTimeout = cli.run("sync", "--timeout", "soon");
        assertThat(badTimeout.exitCode()).isEqualTo(2);
        assertThat(badTimeout.err()).contains("'soon' is not a duration");
        CliRunner.Run help = cli.run("sync", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--repo=URL|DIR", "--ref=REF", "--path=PATH", "--kubeconfig=FILE",
                "--context=NAME", "--namespace=NS", "--target-namespace=NS", "--applyset=NAME", "--concurrency=N",
                "--report=FILE.json", "--badge=FILE.svg", "--quiet", "--verbose", "--prune", "--[no-]wait",
                "--timeout=DURATION", "--force", "--dry-run", "--allow-empty");
    }
}
