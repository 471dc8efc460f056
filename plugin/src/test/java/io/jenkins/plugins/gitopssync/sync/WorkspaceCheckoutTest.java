package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testsupport.GitOracle;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The git-client checkout of a branch, an annotated tag, a commit id and the default branch, and ls-remote. */
@WithJenkins
@ExtendWith(LocalRepositories.class)
class WorkspaceCheckoutTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private TaskListener listener;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        listener = new StreamTaskListener(log, StandardCharsets.UTF_8);
    }

    private String checkout(TestRepo repo, String ref, Path into) throws Exception {
        return WorkspaceCheckout.checkout(new FilePath(into.toFile()), repo.url(), ref, null, new EnvVars(), listener);
    }

    @Test
    void branchTagCommitAndDefaultBranch() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/cm.yaml", "v: 1\n").write("app/old.yaml", "old: true\n");
            String first = repo.commit("first");
            repo.tag("v1");
            repo.write("app/cm.yaml", "v: 2\n");
            Files.delete(tmp.resolve("repo/app/old.yaml"));
            String second = repo.commit("second");

            Path dir = tmp.resolve("ws/.gitops-sync/shop");
            assertThat(checkout(repo, "main", dir)).isEqualTo(second);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 2\n");
            assertThat(dir.resolve("app/old.yaml")).doesNotExist();

            assertThat(checkout(repo, "v1", dir)).as("an annotated tag checks out the commit it names").isEqualTo(first);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 1\n");
            assertThat(dir.resolve("app/old.yaml")).exists();

            assertThat(checkout(repo, null, dir)).as("no ref: the remote's default branch").isEqualTo(second);
            assertThat(dir.resolve("app/old.yaml")).as("files deleted in Git are gone").doesNotExist();

            assertThat(checkout(repo, first, tmp.resolve("ws2"))).as("a full commit id").isEqualTo(first);
            assertThat(Files.readString(tmp.resolve("ws2/app/cm.yaml"))).isEqualTo("v: 1\n");
        }
    }

    /**
     * The CLI has the same test (GitSourceTest): a name that is both a tag and a branch is what git picks, for
     * the checkout and for the trigger's ls-remote alike; an abbreviated commit id works as in the CLI.
     */
    @Test
    void aNameThatIsBothATagAndABranchIsWhatGitPicks() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/cm.yaml", "v: tagged\n").commit("tagged");
            repo.branch("release");
            repo.checkout("release");
            String branchTip = repo.write("app/cm.yaml", "v: branch\n").commit("branch");
            repo.checkout("main");
            repo.tag("release"); // after the branch's commit: a checkout of "release" before would be ambiguous
            String gitsChoice = GitOracle.revParse(repo.dir(), "release");

            assertThat(gitsChoice).isNotEqualTo(branchTip);
            assertThat(checkout(repo, "release", tmp.resolve("ws1"))).isEqualTo(gitsChoice);
            assertThat(WorkspaceCheckout.remoteRevision(repo.url(), "release", null, listener) == null ? null
                    : GitOracle.revParse(repo.dir(), WorkspaceCheckout.remoteRevision(repo.url(), "release", null, listener)))
                    .as("the trigger's ls-remote names the same commit").isEqualTo(gitsChoice);
            assertThat(checkout(repo, "heads/release", tmp.resolve("ws2"))).isEqualTo(branchTip);
            assertThat(checkout(repo, branchTip.substring(0, 9), tmp.resolve("ws3"))).as("an abbreviated id").isEqualTo(branchTip);
        }
    }

    @Test
    void rollbackToAnOlderCommitAfterAShallowBranchFetch() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/cm.yaml", "v: 1\n");
            String first = repo.commit("first");
            repo.write("app/cm.yaml", "v: 2\n");
            repo.commit("second");
            repo.write("app/cm.yaml", "v: 3\n");
            String third = repo.commit("third");

            Path dir = tmp.resolve("ws/.gitops-sync/shop");
            assertThat(checkout(repo, "main", dir)).as("the branch, fetched shallow").isEqualTo(third);
            assertThat(dir.resolve(".git/shallow")).as("the branch fetch was shallow").exists();

            // pinning the ref to an older commit (a rollback) in the same folder
            assertThat(checkout(repo, first, dir)).isEqualTo(first);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 1\n");
            assertThat(log.toString(StandardCharsets.UTF_8)).as(log.toString(StandardCharsets.UTF_8)).contains("fetching the full history");

            // and forward again to the branch
            assertThat(checkout(repo, "main", dir)).isEqualTo(third);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 3\n");
        }
    }

    @Test
    void aCommitIdNoBranchReachesIsNamed() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", "v: 1\n");
            repo.commit("first");
            String missing = "0123456789abcdef0123456789abcdef01234567";
            AbortException e = assertThatExceptionOfType(AbortException.class).isThrownBy(() -> checkout(repo, missing, tmp.resolve("ws"))).actual();
            assertThat(e.getMessage()).as(e.getMessage()).contains("Commit " + missing + " was not found in " + repo.url());
        }
    }

    @Test
    void localRepositoriesAreRefusedOnTheController() throws Exception {
        GitOpsGlobalSettings.get().setAllowLocalRepositoriesOnController(false);
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("secret.yaml", "v: 1\n");
            repo.commit("first");
            for (String url : new String[] {repo.url(), tmp.resolve("repo").toString(), "file:" + tmp.resolve("repo")}) {
                AbortException e = assertThatExceptionOfType(AbortException.class)
                        .isThrownBy(() -> WorkspaceCheckout.checkout(new FilePath(tmp.resolve("ws").toFile()), url, "main", null, new EnvVars(), listener))
                        .actual();
                assertThat(e.getMessage()).as(e.getMessage()).contains("controller's own disk", "allow local repositories");
                assertThatThrownBy(() -> WorkspaceCheckout.remoteRevision(url, "main", null, listener),
                        "ls-remote (the trigger's check) runs on the controller too: " + url).isInstanceOf(AbortException.class);
            }
            assertThat(tmp.resolve("ws/secret.yaml")).as("nothing was read").doesNotExist();
        }
    }

    @Test
    void unknownRefNamesTheRefAndTheUrl() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", "v: 1\n");
            repo.commit("first");
            AbortException e = assertThatExceptionOfType(AbortException.class)
                    .isThrownBy(() -> checkout(repo, "release-9", tmp.resolve("ws"))).actual();
            assertThat(e.getMessage()).as(e.getMessage()).contains("'release-9'", repo.url());
        }
    }

    @Test
    void remoteRevisionReadsBranchesAndPeeledTags() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", "v: 1\n");
            String first = repo.commit("first");
            repo.tag("v1");
            repo.write("cm.yaml", "v: 2\n");
            String second = repo.commit("second");

            assertThat(WorkspaceCheckout.remoteRevision(repo.url(), "main", null, listener)).isEqualTo(second);
            assertThat(WorkspaceCheckout.remoteRevision(repo.url(), "v1", null, listener)).isEqualTo(first);
            assertThat(WorkspaceCheckout.remoteRevision(repo.url(), null, null, listener)).isEqualTo(second);
            assertThat(WorkspaceCheckout.remoteRevision(repo.url(), first, null, listener)).isEqualTo(first);
            assertThat(WorkspaceCheckout.remoteRevision(repo.url(), "nope", null, listener)).isEqualTo(null);
        }
    }
}
