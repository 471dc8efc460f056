package io.jenkins.plugins.gitopssync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(second, checkout(repo, "main", dir));
            assertEquals("v: 2\n", Files.readString(dir.resolve("app/cm.yaml")));
            assertFalse(Files.exists(dir.resolve("app/old.yaml")));

            assertEquals(first, checkout(repo, "v1", dir), "an annotated tag checks out the commit it names");
            assertEquals("v: 1\n", Files.readString(dir.resolve("app/cm.yaml")));
            assertTrue(Files.exists(dir.resolve("app/old.yaml")));

            assertEquals(second, checkout(repo, null, dir), "no ref: the remote's default branch");
            assertFalse(Files.exists(dir.resolve("app/old.yaml")), "files deleted in Git are gone");

            assertEquals(first, checkout(repo, first, tmp.resolve("ws2")), "a full commit id");
            assertEquals("v: 1\n", Files.readString(tmp.resolve("ws2/app/cm.yaml")));
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

            assertNotEquals(branchTip, gitsChoice);
            assertEquals(gitsChoice, checkout(repo, "release", tmp.resolve("ws1")));
            assertEquals(gitsChoice, WorkspaceCheckout.remoteRevision(repo.url(), "release", null, listener) == null ? null
                    : GitOracle.revParse(repo.dir(), WorkspaceCheckout.remoteRevision(repo.url(), "release", null, listener)),
                    "the trigger's ls-remote names the same commit");
            assertEquals(branchTip, checkout(repo, "heads/release", tmp.resolve("ws2")));
            assertEquals(branchTip, checkout(repo, branchTip.substring(0, 9), tmp.resolve("ws3")), "an abbreviated id");
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
            assertEquals(third, checkout(repo, "main", dir), "the branch, fetched shallow");
            assertTrue(Files.exists(dir.resolve(".git/shallow")), "the branch fetch was shallow");

            // pinning the ref to an older commit (a rollback) in the same folder
            assertEquals(first, checkout(repo, first, dir));
            assertEquals("v: 1\n", Files.readString(dir.resolve("app/cm.yaml")));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("fetching the full history"), log.toString(StandardCharsets.UTF_8));

            // and forward again to the branch
            assertEquals(third, checkout(repo, "main", dir));
            assertEquals("v: 3\n", Files.readString(dir.resolve("app/cm.yaml")));
        }
    }

    @Test
    void aCommitIdNoBranchReachesIsNamed() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", "v: 1\n");
            repo.commit("first");
            String missing = "0123456789abcdef0123456789abcdef01234567";
            AbortException e = assertThrows(AbortException.class, () -> checkout(repo, missing, tmp.resolve("ws")));
            assertTrue(e.getMessage().contains("Commit " + missing + " was not found in " + repo.url()), e.getMessage());
        }
    }

    @Test
    void localRepositoriesAreRefusedOnTheController() throws Exception {
        GitOpsGlobalSettings.get().setAllowLocalRepositoriesOnController(false);
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("secret.yaml", "v: 1\n");
            repo.commit("first");
            for (String url : new String[] {repo.url(), tmp.resolve("repo").toString(), "file:" + tmp.resolve("repo")}) {
                AbortException e = assertThrows(AbortException.class,
                        () -> WorkspaceCheckout.checkout(new FilePath(tmp.resolve("ws").toFile()), url, "main", null, new EnvVars(), listener));
                assertTrue(e.getMessage().contains("controller's own disk") && e.getMessage().contains("allow local repositories"),
                        e.getMessage());
                assertThrows(AbortException.class, () -> WorkspaceCheckout.remoteRevision(url, "main", null, listener),
                        "ls-remote (the trigger's check) runs on the controller too: " + url);
            }
            assertFalse(Files.exists(tmp.resolve("ws/secret.yaml")), "nothing was read");
        }
    }

    @Test
    void unknownRefNamesTheRefAndTheUrl() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", "v: 1\n");
            repo.commit("first");
            AbortException e = assertThrows(AbortException.class, () -> checkout(repo, "release-9", tmp.resolve("ws")));
            assertTrue(e.getMessage().contains("'release-9'") && e.getMessage().contains(repo.url()), e.getMessage());
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

            assertEquals(second, WorkspaceCheckout.remoteRevision(repo.url(), "main", null, listener));
            assertEquals(first, WorkspaceCheckout.remoteRevision(repo.url(), "v1", null, listener));
            assertEquals(second, WorkspaceCheckout.remoteRevision(repo.url(), null, null, listener));
            assertEquals(first, WorkspaceCheckout.remoteRevision(repo.url(), first, null, listener));
            assertEquals(null, WorkspaceCheckout.remoteRevision(repo.url(), "nope", null, listener));
        }
    }
}
