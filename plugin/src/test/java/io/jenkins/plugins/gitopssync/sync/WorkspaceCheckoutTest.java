package io.jenkins.plugins.gitopssync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.testing.TestCredentials;
import io.jenkins.plugins.gitopssync.testsupport.GitHttpServer;
import io.jenkins.plugins.gitopssync.testing.LocalRepositories;
import io.jenkins.plugins.gitopssync.testsupport.GitOracle;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The checkout of a branch, an annotated tag, a commit id and the default branch, by both Gits: git-client in the
 * agent's JVM and JGit alone in the engine's child JVM; the child's http(s) account; and the trigger's ls-remote.
 */
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

    /** Where the checkout runs. */
    enum Git { GIT_CLIENT_IN_THE_AGENT_JVM, JGIT_IN_THE_CHILD_JVM }

    private String checkout(Git git, TestRepo repo, String ref, Path into) throws Exception {
        return checkout(git, repo.url(), ref, into, null);
    }

    /** Either way, a failure the user reads is an AbortException with the same message. */
    private String checkout(Git git, String url, String ref, Path into, StandardUsernamePasswordCredentials account)
            throws Exception {
        if (git == Git.GIT_CLIENT_IN_THE_AGENT_JVM) {
            return WorkspaceCheckout.checkout(new FilePath(into.toFile()), url, ref, account, new EnvVars(), listener);
        }
        ChildCheckout child = ChildCheckoutChoice.of(url, ref, account);
        assertThat(child).as("the child checks this repository out itself").isNotNull();
        try {
            return child.run(into, line -> listener.getLogger().println(SyncRunner.PREFIX + line));
        } catch (RevisionCheckout.Failure e) {
            throw new AbortException(e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Git.class)
    void branchTagCommitAndDefaultBranch(Git git) throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/cm.yaml", "v: 1\n").write("app/old.yaml", "old: true\n");
            String first = repo.commit("first");
            repo.tag("v1");
            repo.write("app/cm.yaml", "v: 2\n");
            Files.delete(tmp.resolve("repo/app/old.yaml"));
            String second = repo.commit("second");

            Path dir = tmp.resolve("ws/.gitops-sync/shop");
            assertThat(checkout(git, repo, "main", dir)).isEqualTo(second);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 2\n");
            assertThat(dir.resolve("app/old.yaml")).doesNotExist();

            assertThat(checkout(git, repo, "v1", dir)).as("an annotated tag checks out the commit it names").isEqualTo(first);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 1\n");
            assertThat(dir.resolve("app/old.yaml")).exists();

            assertThat(checkout(git, repo, null, dir)).as("no ref: the remote's default branch").isEqualTo(second);
            assertThat(dir.resolve("app/old.yaml")).as("files deleted in Git are gone").doesNotExist();

            assertThat(checkout(git, repo, first, tmp.resolve("ws2"))).as("a full commit id").isEqualTo(first);
            assertThat(Files.readString(tmp.resolve("ws2/app/cm.yaml"))).isEqualTo("v: 1\n");
        }
    }

    /**
     * The CLI has the same test (GitSourceTest): a name that is both a tag and a branch is what git picks, for
     * the checkout and for the trigger's ls-remote alike; an abbreviated commit id works as in the CLI.
     */
    @ParameterizedTest
    @EnumSource(Git.class)
    void aNameThatIsBothATagAndABranchIsWhatGitPicks(Git git) throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/cm.yaml", "v: tagged\n").commit("tagged");
            repo.branch("release");
            repo.checkout("release");
            String branchTip = repo.write("app/cm.yaml", "v: branch\n").commit("branch");
            repo.checkout("main");
            repo.tag("release"); // after the branch's commit: a checkout of "release" before would be ambiguous
            String gitsChoice = GitOracle.revParse(repo.dir(), "release");

            assertThat(gitsChoice).isNotEqualTo(branchTip);
            assertThat(checkout(git, repo, "release", tmp.resolve("ws1"))).isEqualTo(gitsChoice);
            assertThat(WorkspaceCheckout.remoteRevision(repo.url(), "release", null, listener) == null ? null
                    : GitOracle.revParse(repo.dir(), WorkspaceCheckout.remoteRevision(repo.url(), "release", null, listener)))
                    .as("the trigger's ls-remote names the same commit").isEqualTo(gitsChoice);
            assertThat(checkout(git, repo, "heads/release", tmp.resolve("ws2"))).isEqualTo(branchTip);
            assertThat(checkout(git, repo, branchTip.substring(0, 9), tmp.resolve("ws3"))).as("an abbreviated id").isEqualTo(branchTip);
        }
    }

    @ParameterizedTest
    @EnumSource(Git.class)
    void rollbackToAnOlderCommitAfterAShallowBranchFetch(Git git) throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/cm.yaml", "v: 1\n");
            String first = repo.commit("first");
            repo.write("app/cm.yaml", "v: 2\n");
            repo.commit("second");
            repo.write("app/cm.yaml", "v: 3\n");
            String third = repo.commit("third");

            Path dir = tmp.resolve("ws/.gitops-sync/shop");
            assertThat(checkout(git, repo, "main", dir)).as("the branch, fetched shallow").isEqualTo(third);
            assertThat(dir.resolve(".git/shallow")).as("the branch fetch was shallow").exists();

            // pinning the ref to an older commit (a rollback) in the same folder
            assertThat(checkout(git, repo, first, dir)).isEqualTo(first);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 1\n");
            assertThat(log.toString(StandardCharsets.UTF_8)).as(log.toString(StandardCharsets.UTF_8)).contains("fetching the full history");

            // and forward again to the branch
            assertThat(checkout(git, repo, "main", dir)).isEqualTo(third);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 3\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Git.class)
    void aCommitIdNoBranchReachesIsNamed(Git git) throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", "v: 1\n");
            repo.commit("first");
            String missing = "0123456789abcdef0123456789abcdef01234567";
            AbortException e = assertThatExceptionOfType(AbortException.class).isThrownBy(() -> checkout(git, repo, missing, tmp.resolve("ws"))).actual();
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

    @ParameterizedTest
    @EnumSource(Git.class)
    void unknownRefNamesTheRefAndTheUrl(Git git) throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("cm.yaml", "v: 1\n");
            repo.commit("first");
            AbortException e = assertThatExceptionOfType(AbortException.class)
                    .isThrownBy(() -> checkout(git, repo, "release-9", tmp.resolve("ws"))).actual();
            assertThat(e.getMessage()).as(e.getMessage()).contains("'release-9'", repo.url());
        }
    }

    @ParameterizedTest
    @EnumSource(Git.class)
    void changedUntrackedAndIgnoredFilesAreTakenBack(Git git) throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            String first = repo.write(".gitignore", "*.log\n").write("app/cm.yaml", "v: 1\n").commit("first");
            Path dir = tmp.resolve("ws");
            assertThat(checkout(git, repo, "main", dir)).isEqualTo(first);
            Files.writeString(dir.resolve("app/cm.yaml"), "v: changed on the agent\n");
            Files.writeString(dir.resolve("app/extra.yaml"), "kind: ConfigMap\n");
            Files.writeString(dir.resolve("app/build.log"), "ignored\n");

            assertThat(checkout(git, repo, "main", dir)).isEqualTo(first);
            assertThat(Files.readString(dir.resolve("app/cm.yaml"))).isEqualTo("v: 1\n");
            assertThat(dir.resolve("app/extra.yaml")).as("an untracked file would be rendered").doesNotExist();
            assertThat(dir.resolve("app/build.log")).as("ignored files go too (git clean -fdx)").doesNotExist();
        }
    }

    /** A private repository over http: the account reaches the server, its password never the log or a message. */
    @ParameterizedTest
    @EnumSource(Git.class)
    void anHttpAccountIsSentButNeverShown(Git git) throws Exception {
        String password = "pw-" + java.util.UUID.randomUUID();
        try (TestRepo repo = TestRepo.create(tmp.resolve("served/manifests"));
             GitHttpServer server = GitHttpServer.start(tmp.resolve("served"), "alice", password)) {
            String head = repo.write("cm.yaml", "v: 1\n").commit("first");
            String url = server.url("manifests");

            assertThat(checkout(git, url, "main", tmp.resolve("ws"), TestCredentials.usernamePassword("ok", "alice", password)))
                    .isEqualTo(head);
            assertThat(server.served()).isPositive();

            AbortException e = assertThatExceptionOfType(AbortException.class).isThrownBy(() -> checkout(git, url, "main",
                    tmp.resolve("ws2"), TestCredentials.usernamePassword("bad", "alice", password + "-old"))).actual();
            assertThat(e.getMessage()).as(e.getMessage()).contains("Git checkout of " + url + " @ main failed")
                    .doesNotContain(password);
            assertThatExceptionOfType(AbortException.class).as("no account: refused")
                    .isThrownBy(() -> checkout(git, url, "main", tmp.resolve("ws3"), null));
            assertThat(server.refused()).isPositive();
            assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(password);
        }
    }

    @Test
    void theChildChecksOutWhatJGitAloneReachesAsGitClientWould() throws Exception {
        var account = TestCredentials.usernamePassword("acct", "alice", "secret");
        assertThat(ChildCheckoutChoice.of("https://git.example.invalid/m.git", "main", account))
                .isEqualTo(new ChildCheckout("https://git.example.invalid/m.git", "main", "alice", "secret"));
        assertThat(ChildCheckoutChoice.of("https://git.example.invalid/m.git", "main", account).toString())
                .doesNotContain("secret");
        assertThat(ChildCheckoutChoice.of("file:///srv/m.git", null, null)).isNotNull();
        assertThat(ChildCheckoutChoice.of("ssh://git@git.example.invalid/m.git", "main", null))
                .as("ssh: git-client, for the controller's host key verification").isNull();
        assertThat(ChildCheckoutChoice.of("git@git.example.invalid:m.git", "main", account)).isNull();
        assertThat(ChildCheckoutChoice.of("https://git.example.invalid/m.git", "main",
                TestCredentials.secretText("token", "t"))).as("another kind of credential: git-client's handling").isNull();
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
