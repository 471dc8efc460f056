package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.testsupport.GitOracle;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Git source through the real CLI: clone once into the cache, fetch incrementally, exact refs. */
class GitSourceTest {

    @TempDir
    Path tmp;

    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: demo
            data:
              color: %s
            """;

    @Test
    void newCommitIsPickedUpByAnIncrementalFetchIntoTheSameCacheDir() throws IOException {
        try (TestRepo repo = TestRepo.create(tmp.resolve("manifests"))) {
            String first = repo.write("app/config.yaml", CONFIG.formatted("blue")).commit("blue");
            CliRunner cli = new CliRunner(tmp);

            CliRunner.Run one = cli.run("build", "--repo", repo.dir().toString(), "--path", "app");
            assertThat(one.exitCode()).as(one.toString()).isZero();
            assertThat(one.err()).contains("git: cloning " + repo.dir()).contains("checked out " + first);
            assertThat(one.out()).contains("color: blue").contains("# Source: app/config.yaml:1");
            Path cacheEntry = onlyCacheEntry(cli);

            String second = repo.edit("app/config.yaml", s -> s.replace("blue", "green")).commit("green");
            CliRunner.Run two = cli.run("build", "--repo", repo.dir().toString(), "--path", "app");
            assertThat(two.exitCode()).as(two.toString()).isZero();
            assertThat(two.err()).contains("git: fetching " + repo.dir()).contains("1 ref(s) updated")
                    .contains("checked out " + second).doesNotContain("cloning");
            assertThat(two.out()).contains("color: green").doesNotContain("color: blue");
            assertThat(onlyCacheEntry(cli)).isEqualTo(cacheEntry);
            // each commit's files live in their own directory, so a run still reading the first is undisturbed
            assertThat(cli.cacheDir().resolve("trees").resolve(first).resolve("app/config.yaml")).content().contains("blue");
            assertThat(cli.cacheDir().resolve("trees").resolve(second).resolve("app/config.yaml")).content().contains("green");
            // the parsed YAML of the repository's path: one file, holding the last render's text only
            try (Stream<Path> parsed = Files.list(cli.cacheDir().resolve("parsed"))) {
                assertThat(parsed.toList()).singleElement().satisfies(p ->
                        assertThat(p).content().contains("\"color\":\"green\"").doesNotContain("blue"));
            }

            CliRunner.Run three = cli.run("build", "--repo", repo.dir().toString(), "--path", "app");
            assertThat(three.err()).contains("git: up to date").contains("checked out " + second);
        }
    }

    /** The plugin's checkout has the same test (WorkspaceCheckoutTest): both pick what git picks. */
    @Test
    void aNameThatIsBothATagAndABranchIsWhatGitPicks() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("manifests"))) {
            repo.write("config.yaml", CONFIG.formatted("tagged")).commit("tagged");
            repo.branch("release");
            repo.checkout("release");
            String branchTip = repo.edit("config.yaml", s -> s.replace("tagged", "branch")).commit("branch");
            repo.checkout("main");
            repo.tag("release"); // after the branch's commit: a checkout of "release" before would be ambiguous
            String gitsChoice = GitOracle.revParse(repo.dir(), "release");
            CliRunner cli = new CliRunner(tmp);

            CliRunner.Run run = cli.run("build", "--repo", repo.dir().toUri().toString(), "--ref", "release");

            assertThat(gitsChoice).isNotEqualTo(branchTip);
            assertThat(run.err()).as(run.toString()).contains("checked out " + gitsChoice);
            assertThat(run.out()).contains("color: tagged");
            CliRunner.Run heads = cli.run("build", "--repo", repo.dir().toUri().toString(), "--ref", "heads/release");
            assertThat(heads.err()).as(heads.toString()).contains("checked out " + branchTip);
        }
    }

    @Test
    void refSelectsTagBranchOrCommitExactly() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("manifests"))) {
            String v1 = repo.write("config.yaml", CONFIG.formatted("one")).commit("one");
            repo.tag("v1");
            repo.branch("release");
            String two = repo.edit("config.yaml", s -> s.replace("one", "two")).commit("two");
            repo.checkout("release");
            String three = repo.edit("config.yaml", s -> s.replace("one", "three")).commit("three");
            repo.checkout("main");
            CliRunner cli = new CliRunner(tmp);
            String url = repo.dir().toUri().toString(); // file:// URL form

            assertThat(cli.run("build", "--repo", url, "--ref", "v1").out()).contains("color: one");
            assertThat(cli.run("build", "--repo", url, "--ref", "release").out()).contains("color: three");
            CliRunner.Run byShortId = cli.run("build", "--repo", url, "--ref", two.substring(0, 8));
            assertThat(byShortId.out()).as(byShortId.toString()).contains("color: two");
            assertThat(byShortId.err()).contains("checked out " + two);
            CliRunner.Run byFullId = cli.run("build", "--repo", url, "--ref", v1);
            assertThat(byFullId.out()).contains("color: one");
            CliRunner.Run head = cli.run("build", "--repo", url);
            assertThat(head.err()).contains("checked out " + two + " (HEAD -> main)");
            assertThat(cli.run("build", "--repo", url, "--ref", "HEAD").err()).contains("checked out " + two);
            CliRunner.Run fullRef = cli.run("build", "--repo", url, "--ref", "refs/heads/release");
            assertThat(fullRef.out()).as(fullRef.toString()).contains("color: three");
            assertThat(three).isNotEqualTo(two);
        }
    }

    @Test
    void unknownRefIsOneClearErrorLine() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("manifests"))) {
            repo.write("config.yaml", CONFIG.formatted("one")).commit("one");
            CliRunner.Run run = new CliRunner(tmp).run("build", "--repo", repo.dir().toString(), "--ref", "nope");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("error: --ref nope not found in " + repo.dir())
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void unreachableRepositoryFailsWithExit2AndNoHalfClone() throws IOException {
        CliRunner cli = new CliRunner(tmp);
        for (String url : new String[] {"http://127.0.0.1:1/nothing.git", "ssh://git@127.0.0.1:1/nothing.git"}) {
            CliRunner.Run run = cli.run("build", "--repo", url);
            String shown = url.replace("git@", "");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).startsWith("git: cloning " + shown)
                    .contains("error: git: cannot fetch " + shown).doesNotContain("\tat ");
            assertThat(run.err().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
            try (Stream<Path> left = Files.list(cli.cacheDir().resolve("repos"))) {
                assertThat(left.filter(Files::isDirectory)).as("no half clone in the cache").isEmpty();
            }
        }
    }

    @Test
    void workingCopyWhoseDotGitIsAFileIsAGitRepository() throws Exception {
        // linked worktrees and submodules have a ".git" file pointing at the real Git directory
        Path work = tmp.resolve("work");
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(work.toFile())
                .setGitDir(tmp.resolve("elsewhere.git").toFile()).setInitialBranch("main").call()) {
            Files.writeString(work.resolve("config.yaml"), CONFIG.formatted("gitfile"));
            git.add().addFilepattern(".").call();
            var who = new org.eclipse.jgit.lib.PersonIdent("Test", "test@example.invalid");
            String id = git.commit().setMessage("c").setAuthor(who).setCommitter(who).setSign(false).call().name();
            assertThat(work.resolve(".git")).isRegularFile();
            CliRunner.Run run = new CliRunner(tmp).run("build", "--repo", work.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).contains("checked out " + id);
            assertThat(run.out()).contains("color: gitfile");
        }
    }

    @Test
    void uncommittedUsesTheWorkingCopyAsItIs() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("manifests"))) {
            String id = repo.write("config.yaml", CONFIG.formatted("committed")).commit("c");
            repo.edit("config.yaml", s -> s.replace("committed", "edited"));
            CliRunner cli = new CliRunner(tmp);
            CliRunner.Run committed = cli.run("build", "--repo", repo.dir().toString());
            assertThat(committed.out()).contains("color: committed");
            CliRunner.Run edited = cli.run("build", "--uncommitted", "--repo", repo.dir().toString());
            assertThat(edited.exitCode()).as(edited.toString()).isZero();
            assertThat(edited.out()).contains("color: edited");
            assertThat(edited.err()).contains("revision " + id + "-dirty");
            assertThat(cli.run("build", "--uncommitted", "--ref", "main", "--repo", repo.dir().toString()).exitCode())
                    .isEqualTo(2);
            CliRunner.Run remote = cli.run("build", "--uncommitted", "--repo", "https://git.example.invalid/x.git");
            assertThat(remote.err()).contains("error: --uncommitted needs a local directory");
            assertThat(cli.run("sync", "--uncommitted", "--repo", repo.dir().toString()).exitCode())
                    .as("sync applies commits only").isEqualTo(2);
        }
    }

    @Test
    void symlinksStayInsideTheRepository() throws IOException {
        try (TestRepo repo = TestRepo.create(tmp.resolve("manifests"))) {
            repo.write("v2/config.yaml", CONFIG.formatted("linked"));
            Files.createSymbolicLink(repo.dir().resolve("current"), Path.of("v2"));
            Path outside = Files.createDirectories(tmp.resolve("outside"));
            Files.writeString(outside.resolve("stolen.yaml"), CONFIG.formatted("outside"));
            Files.createSymbolicLink(repo.dir().resolve("escape"), outside);
            repo.commit("links");
            CliRunner cli = new CliRunner(tmp);
            CliRunner.Run inside = cli.run("build", "--repo", repo.dir().toString(), "--path", "current");
            assertThat(inside.exitCode()).as(inside.toString()).isZero();
            assertThat(inside.out()).contains("color: linked");
            CliRunner.Run escape = cli.run("build", "--repo", repo.dir().toString(), "--path", "escape");
            assertThat(escape.exitCode()).as(escape.toString()).isEqualTo(2);
            assertThat(escape.out()).doesNotContain("outside");
            assertThat(escape.err()).contains("error: ").contains("escape");
        }
    }

    @Test
    void plainDirectoryIsRenderedAsItIs() {
        CliRunner cli = new CliRunner(tmp);
        CliRunner.Run run = cli.run("build", "--repo", CliRunner.examples().resolve("shop").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("not a Git repository");
        assertThat(run.out()).contains("kind: Namespace").contains("name: frontend");
        CliRunner.Run withRef = cli.run("build", "--repo", CliRunner.examples().resolve("shop").toString(), "--ref", "main");
        assertThat(withRef.exitCode()).isEqualTo(2);
        assertThat(withRef.err()).contains("needs a Git repository");
    }

    private static Path onlyCacheEntry(CliRunner cli) throws IOException {
        try (Stream<Path> entries = Files.list(cli.cacheDir().resolve("repos"))) {
            var dirs = entries.filter(Files::isDirectory).toList();
            assertThat(dirs).hasSize(1);
            assertThat(dirs.get(0).getFileName().toString()).matches("[0-9a-f]{64}");
            return dirs.get(0);
        }
    }
}
