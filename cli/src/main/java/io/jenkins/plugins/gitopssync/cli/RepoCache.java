package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Where the CLI keeps repositories: one bare clone per URL in {@code <cache>/repos/<sha256 of url>}, used by one
 * run at a time (a lock file beside it), and the files of each commit in {@code <cache>/trees/<commit id>}
 * ({@link TreeExport}). A new clone is made in a temporary sibling and moved into place once its first fetch
 * succeeded, so a failed first fetch leaves no half clone behind.
 */
final class RepoCache {

    /** What runs while a clone's lock is held. */
    interface LockedWork<T> {
        T run(Path clone) throws IOException;
    }

    private final Path root;

    RepoCache(Path root) {
        this.root = root;
    }

    /** Runs {@code work} on the URL's clone directory (which may not exist yet) while holding its lock. */
    <T> T locked(RepoLocation repo, LockedWork<T> work) throws IOException {
        Path reposDir = root.resolve("repos");
        try {
            Files.createDirectories(reposDir);
        } catch (IOException e) {
            throw new SyncException("cannot create the Git cache " + reposDir + ": " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(reposDir.resolve(repo.cacheKey() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            return work.run(reposDir.resolve(repo.cacheKey()));
        }
    }

    /** Whether a clone is in place there (bare, or an older working copy). */
    static boolean hasClone(Path dir) {
        return Files.isRegularFile(dir.resolve("HEAD")) || Files.isDirectory(dir.resolve(".git"));
    }

    /** An empty bare repository in a temporary sibling of {@code dir}, for a first fetch. */
    static Path newClone(Path dir) throws IOException {
        Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
        try (Git git = Git.init().setBare(true).setDirectory(tmp.toFile()).call()) {
            // JGit runs the fetch's automatic gc in the background by default; this directory is moved or
            // deleted right after the fetch, so that gc must be done by then
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("gc", null, "autoDetach", false);
            config.save();
            return tmp;
        } catch (GitAPIException e) {
            discard(tmp);
            throw new SyncException("git: cannot create a repository in " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** A new clone whose first fetch succeeded, moved into place. */
    static void keep(Path tmp, Path dir) throws IOException {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir);
        }
    }

    /** A new clone whose first fetch failed. */
    static void discard(Path tmp) {
        TreeExport.deleteTree(tmp);
    }

    /** The files of {@code commit} of the clone in {@code dir}, exported once into trees/. */
    Path export(Path dir, RevCommit commit) throws IOException {
        try (Git git = Git.open(dir.toFile())) {
            return TreeExport.export(git.getRepository(), commit, root.resolve("trees"));
        }
    }
}
