package io.jenkins.plugins.gitopssync.engine.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of place a repository URL names, by git's own rules (git-clone(1), "GIT URLS"): a {@code file:} URL
 * or a path is on the local disk; {@code scheme://...} is on the network; {@code [user@]host:path} with no slash
 * before the first colon is the scp-like form of ssh, anything else a path. The one reading of the CLI's
 * {@code --repo}, its fetch and the plugin's checkout, trigger and build page.
 */
public final class GitUrls {

    /** Where a URL leads. */
    public enum Kind {
        /** {@code file:} URL, absolute or relative path, Windows drive path. */
        LOCAL,
        /** {@code https://}, {@code ssh://}, {@code git://} and any other {@code scheme://} but {@code file}. */
        NETWORK,
        /** {@code git@host:org/repo.git}, {@code host:path}: ssh. */
        SCP_LIKE
    }

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private GitUrls() {
    }

    public static Kind kind(String url) {
        String u = url == null ? "" : url.trim();
        if (u.regionMatches(true, 0, "file:", 0, 5) || WINDOWS_DRIVE.matcher(u).matches()) {
            return Kind.LOCAL;
        }
        if (SCHEME.matcher(u).matches()) {
            return Kind.NETWORK;
        }
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        // scp-like only with a colon before the first slash; "./a:b" is a path
        return colon > 0 && (slash < 0 || colon < slash) ? Kind.SCP_LIKE : Kind.LOCAL;
    }

    /** Whether the URL names a repository on the local disk (blank names none). */
    public static boolean isLocal(String url) {
        return url != null && !url.isBlank() && kind(url) == Kind.LOCAL;
    }

    /** Whether git reaches the repository over ssh: {@code ssh://} (and git's aliases of it), or the scp-like form. */
    public static boolean isSsh(String url) {
        String u = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("ssh://") || u.startsWith("git+ssh://") || u.startsWith("ssh+git://")
                || kind(url) == Kind.SCP_LIKE;
    }

    /**
     * A web link to the commit when the repository URL is http(s) (the /commit/ path that GitHub, GitLab,
     * Gitea and Forgejo serve), else null. User info in the URL is dropped ({@link UrlRedaction}).
     */
    public static String commitLink(String url, String revision) {
        if (url == null || !Revisions.isCommitId(revision)) {
            return null;
        }
        String u = UrlRedaction.redact(url.trim());
        if (!u.startsWith("https://") && !u.startsWith("http://")) {
            return null;
        }
        return withoutGitSuffix(u) + "/commit/" + revision;
    }

    /** The repository's name: the last path segment without ".git" ("shop" for https://host/org/shop.git). */
    public static String shortName(String url) {
        String s = withoutGitSuffix(url.replace('\\', '/'));
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
        return cut >= 0 ? s.substring(cut + 1) : s;
    }

    private static String withoutGitSuffix(String url) {
        String s = url;
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.endsWith(".git") ? s.substring(0, s.length() - 4) : s;
    }
}
