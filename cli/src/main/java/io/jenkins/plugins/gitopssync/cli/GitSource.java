package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.FetchResult;

/**
 * Brings a repository to one exact commit. A URL (or a local Git repository, addressed by its path)
 * is cloned once (bare) into the cache ({@link RepoCache}) and fetched incrementally on every later run
 * ({@link GitFetch}, over ssh with {@link SshSessions}); the requested ref is resolved after the fetch
 * ({@link RefResolver}) and that commit's files are exported to their own directory, which holds exactly that
 * commit. A plain directory (no Git) is used as it is, with revision "unversioned".
 */
final class GitSource implements AutoCloseable {

    private final RepoCache cache;
    private final SshSessions ssh;
    private final GitFetch fetcher;
    private final Console console;

    GitSource(Path cacheRoot, Path home, GitCredentials credentials, Console console) {
        this.cache = new RepoCache(cacheRoot);
        this.ssh = new SshSessions(home, credentials);
        this.fetcher = new GitFetch(credentials, ssh);
        this.console = console;
    }

    GitCheckout checkout(RepoLocation repo, String ref) {
        if (repo.kind() == RepoLocation.Kind.PLAIN_DIRECTORY) {
            if (ref != null && !ref.isBlank()) {
                throw new SyncException("--ref " + ref + " needs a Git repository, but " + repo.directory()
                        + " is a plain directory");
            }
            return GitCheckout.plainDirectory(repo.directory(), console);
        }
        try {
            return cache.locked(repo, dir -> fetchAndExport(repo, ref, dir));
        } catch (IOException e) {
            throw new SyncException("git: " + repo.display() + ": " + e.getMessage(), e);
        }
    }

    private GitCheckout fetchAndExport(RepoLocation repo, String ref, Path dir) throws IOException {
        boolean cloned = !RepoCache.hasClone(dir);
        console.progress(cloned ? "git: cloning " + repo.display() + " into " + dir
                : "git: fetching " + repo.display() + " (cache " + dir + ")");
        Path repoDir = cloned ? RepoCache.newClone(dir) : dir;
        RefResolver.Resolved resolved;
        int updated;
        try (Git git = Git.open(repoDir.toFile())) {
            FetchResult fetch = fetcher.fetch(git, repo, GitFetch.BRANCHES_AND_TAGS);
            updated = GitFetch.countUpdates(fetch);
            if (!cloned) {
                console.progress("git: " + (updated == 0 ? "up to date" : updated + " ref(s) updated"));
            }
            resolved = new RefResolver(git, repo, fetcher).resolve(ref, fetch);
        } catch (RuntimeException | IOException e) {
            if (cloned) {
                RepoCache.discard(repoDir);
            }
            throw e;
        }
        if (cloned) {
            RepoCache.keep(repoDir, dir);
        }
        Path tree = cache.export(dir, resolved.commit());
        console.progress("git: checked out " + resolved.commit().name() + " (" + resolved.label() + ")");
        console.debug("git: files of " + resolved.commit().name() + " in " + tree);
        return new GitCheckout(tree, resolved.commit().name(), resolved.label(), cloned, updated, dir, resolved.tagRef());
    }

    @Override
    public void close() {
        ssh.close();
    }
}
