package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A local working copy used as it is, uncommitted edits included: for checking a change before
 * committing it. The revision is the HEAD commit, with "-dirty" when files differ from it.
 */
final class WorkingTree {

    private WorkingTree() {
    }

    static GitCheckout use(RepoLocation repo, Console console) {
        if (repo.kind() == RepoLocation.Kind.REMOTE) {
            throw new SyncException("--uncommitted needs a local directory, but --repo is the URL " + repo.display());
        }
        if (repo.kind() == RepoLocation.Kind.PLAIN_DIRECTORY) {
            return GitCheckout.plainDirectory(repo.directory(), console);
        }
        try (Git git = Git.open(repo.directory().toFile())) {
            ObjectId head = git.getRepository().resolve("HEAD");
            if (head == null) {
                throw new SyncException(repo.directory() + " has no commit yet: commit once, or drop --uncommitted");
            }
            boolean clean = git.status().call().isClean();
            String revision = head.name() + (clean ? "" : "-dirty");
            console.progress("source: working copy " + repo.directory() + " as it is (revision " + revision + ")");
            return new GitCheckout(repo.directory(), revision, "working copy", false, 0);
        } catch (IOException | GitAPIException e) {
            throw new SyncException("cannot read the working copy " + repo.directory() + ": " + e.getMessage(), e);
        }
    }
}
