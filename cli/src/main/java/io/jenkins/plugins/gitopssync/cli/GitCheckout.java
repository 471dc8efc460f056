package io.jenkins.plugins.gitopssync.cli;

import java.nio.file.Path;

/**
 * A repository checked out at one exact commit.
 *
 * @param worktree   the directory holding the files of that commit
 * @param commitId   full commit id (40 hex digits); "unversioned" for a plain directory
 * @param refLabel   what was resolved ("HEAD -> main", "tag v1.2", "branch main", "commit 1a2b3c4")
 * @param cloned     true when this run made the clone, false when a cached clone was fetched
 * @param updatedRefs refs the fetch moved, created or deleted (0 when nothing changed)
 * @param gitDir     the repository holding the commit (the cache's bare clone), or null (plain directory,
 *                   working copy): where signatures are read from
 * @param tagRef     {@code refs/tags/NAME} when the ref given was a tag, else null
 */
record GitCheckout(Path worktree, String commitId, String refLabel, boolean cloned, int updatedRefs, Path gitDir,
                   String tagRef) {

    static final String UNVERSIONED = "unversioned";

    GitCheckout(Path worktree, String commitId, String refLabel, boolean cloned, int updatedRefs) {
        this(worktree, commitId, refLabel, cloned, updatedRefs, null, null);
    }

    /** A directory that is not a Git repository, used as it is. */
    static GitCheckout plainDirectory(Path dir, Console console) {
        console.progress("source: " + dir + " (not a Git repository: revision \"" + UNVERSIONED + "\")");
        return new GitCheckout(dir, UNVERSIONED, "directory", false, 0);
    }
}
