package io.jenkins.plugins.gitopssync.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The default ApplySet name for a repository and path: readable ("shop", "kustomize-overlays-staging")
 * plus 8 hex digits of sha256(url + path) so two repositories with the same name never share an
 * inventory. A valid DNS-1123 label (at most 63 characters), the same on every run.
 */
final class ApplySetNames {

    static final int MAX_LENGTH = 63;

    private ApplySetNames() {
    }

    static String derive(RepoLocation repo, String path) {
        String normalizedPath = normalizePath(path);
        String hash = RepoLocation.sha256(repo.url() + "\n" + normalizedPath).substring(0, 8);
        String readable = slug(repo.shortName() + (normalizedPath.isEmpty() ? "" : "-" + normalizedPath));
        int room = MAX_LENGTH - hash.length() - 1;
        if (readable.length() > room) {
            readable = trimDashes(readable.substring(0, room));
        }
        return readable.isEmpty() ? "gitops-" + hash : readable + "-" + hash;
    }

    /** "./a/b/" → "a/b"; "." and "" → "". */
    static String normalizePath(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String p = Path.of(path).normalize().toString().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.equals(".") ? "" : p;
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return trimDashes(s);
    }

    private static String trimDashes(String s) {
        return s.replaceAll("^-+", "").replaceAll("-+$", "");
    }
}
