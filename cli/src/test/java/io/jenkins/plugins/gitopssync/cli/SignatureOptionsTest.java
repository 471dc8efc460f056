package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --verify-signatures and --trusted-keys without a cluster: refusals, and build on signed and unsigned commits. */
class SignatureOptionsTest {

    @TempDir
    Path tmp;

    private CliRunner cli;
    private SshSignedRepo repo;
    private Path trusted;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(tmp);
        repo = new SshSignedRepo(tmp.resolve("repo"));
        trusted = Files.writeString(tmp.resolve("allowed_signers"), repo.allowedSigner("alice@example.org"));
    }

    private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  k: v\n";

    @Test
    void uncommittedIsRefusedWithSignatureChecks() throws Exception {
        repo.commit("cm.yaml", CM, true);
        for (String command : new String[] {"build", "diff"}) {
            CliRunner.Run run = cli.run(command, "--repo", repo.dir().toString(), "--uncommitted",
                    "--verify-signatures", "commit", "--trusted-keys", trusted.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ERROR);
            assertThat(run.err()).contains("--verify-signatures and --uncommitted exclude each other");
        }
    }

    @Test
    void incompleteOptionsAreRefusedBeforeCloning() throws Exception {
        repo.commit("cm.yaml", CM, true);
        CliRunner.Run noKeys = cli.run("build", "--repo", repo.dir().toString(), "--verify-signatures", "commit");
        assertThat(noKeys.err()).contains("--verify-signatures needs --trusted-keys FILE");
        CliRunner.Run noMode = cli.run("build", "--repo", repo.dir().toString(), "--trusted-keys", trusted.toString());
        assertThat(noMode.err()).contains("--trusted-keys needs --verify-signatures");
        CliRunner.Run badMode = cli.run("build", "--repo", repo.dir().toString(), "--verify-signatures", "head",
                "--trusted-keys", trusted.toString());
        assertThat(badMode.err()).contains("--verify-signatures head: use commit, tag or both");
        assertThat(Files.exists(cli.cacheDir().resolve("repos"))).as("nothing cloned").isFalse();
    }

    @Test
    void buildRendersASignedCommitAndRefusesAnUnsignedOne() throws Exception {
        String signed = repo.commit("cm.yaml", CM, true);
        CliRunner.Run ok = cli.run("build", "--repo", repo.dir().toString(), "--verify-signatures", "commit",
                "--trusted-keys", trusted.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("name: app");
        assertThat(ok.err()).contains("signature: commit " + signed + " signed by alice@example.org (ssh key SHA256:");

        String unsigned = repo.commit("cm.yaml", CM.replace("k: v", "k: w"), false);
        CliRunner.Run refused = cli.run("build", "--repo", repo.dir().toString(), "--verify-signatures", "commit",
                "--trusted-keys", trusted.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.err()).contains("refused revision " + unsigned.substring(0, 12))
                .contains("commit " + unsigned + " is not signed");
        assertThat(refused.out()).doesNotContain("name: app");
    }

    @Test
    void aTagModeNeedsATagRef() throws Exception {
        repo.commit("cm.yaml", CM, true);
        CliRunner.Run run = cli.run("build", "--repo", repo.dir().toString(), "--verify-signatures", "tag",
                "--trusted-keys", trusted.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err()).contains("needs the ref to name an annotated, signed tag");
    }
}
