package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.source.GitUrls;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;

/**
 * What {@code --repo} names, as git reads it ({@link GitUrls}): a Git URL (https, http, ssh, git, file, or scp-like
 * [user@]host:path), a local Git repository (working copy or bare), or a plain directory that is not a Git repository.
 * {@code url} never carries a password: one in the URL is refused, since credentials come from the
 * environment only.
 */
record RepoLocation(Kind kind, String url, Path directory) {

    enum Kind { REMOTE, LOCAL_GIT, PLAIN_DIRECTORY }

    static RepoLocation parse(String repo, Path workingDirectory) {
        if (repo == null || repo.isBlank()) {
            throw new SyncException("--repo is empty: give a Git URL or a local directory");
        }
        return switch (GitUrls.kind(repo)) {
            case NETWORK -> new RepoLocation(Kind.REMOTE, withoutCredentials(repo), null);
            case SCP_LIKE -> new RepoLocation(Kind.REMOTE, repo, null);
            // a file: URL is the same repository as its path: one cache entry and one default ApplySet name for both
            case LOCAL -> local(isFileUrl(repo) ? fileUrlPath(repo) : repo, workingDirectory);
        };
    }

    private static boolean isFileUrl(String repo) {
        return repo.regionMatches(true, 0, "file:", 0, 5);
    }

    private static String fileUrlPath(String repo) {
        try {
            return Path.of(new URI(repo)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SyncException("--repo " + UrlRedaction.redact(repo) + " is not a valid file URL");
        }
    }

    /** A directory: a Git repository (working copy or bare), or a plain directory. */
    private static RepoLocation local(String repo, Path workingDirectory) {
        Path dir = workingDirectory.resolve(repo).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new SyncException("--repo " + repo + ": no such directory (" + dir + "), and not a Git URL");
        }
        try {
            dir = dir.toRealPath();
        } catch (java.io.IOException e) {
            throw new SyncException("--repo " + repo + ": cannot read " + dir + ": " + e.getMessage(), e);
        }
        File asFile = dir.toFile();
        // ".git" is a file in linked worktrees and submodules ("gitdir: ..."); a directory otherwise
        boolean git = Files.isRegularFile(dir.resolve(".git"))
                || RepositoryCache.FileKey.isGitRepository(new File(asFile, ".git"), FS.DETECTED)
                || RepositoryCache.FileKey.isGitRepository(asFile, FS.DETECTED);
        return new RepoLocation(git ? Kind.LOCAL_GIT : Kind.PLAIN_DIRECTORY, dir.toString(), dir);
    }

    /** Refuses a password or token in the URL; a user name alone (ssh://git@host/...) is fine. */
    private static String withoutCredentials(String repo) {
        String stripped = UrlRedaction.redact(repo);
        try {
            URI uri = new URI(repo);
            String userInfo = uri.getRawUserInfo();
            if (userInfo != null && userInfo.contains(":")) {
                throw new SyncException("--repo " + stripped + " holds a password or token in the URL; pass it in "
                        + GitCredentials.PASSWORD + " (and " + GitCredentials.USERNAME + ") instead");
            }
            return repo;
        } catch (URISyntaxException e) {
            throw new SyncException("--repo " + stripped + " is not a valid URL: " + e.getReason());
        }
    }

    /** The URL as it may be shown (no user info at all). */
    String display() {
        return UrlRedaction.redact(url);
    }

    /** Cache folder name: sha256 of the URL, so one URL always maps to one clone. */
    String cacheKey() {
        return sha256(url);
    }

    /**
     * Where the YAML parsed from {@code path} of this repository is kept between runs: one file per
     * repository and path, since each keeps only its last render's entries.
     */
    Path parseCacheFile(Path cacheRoot, String path) {
        return cacheRoot.resolve("parsed").resolve(sha256(url + "\n" + (path == null ? "." : path)).substring(0, 32));
    }

    /** Last path segment without ".git": "shop" for https://host/org/shop.git. */
    String shortName() {
        return GitUrls.shortName(url);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
