package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.engine.source.RefNames;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import java.util.Collection;
import java.util.Map;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Which remote ref a user's {@code ref} means, by the engine's rule ({@link RefNames}, git's own order: a tag
 * before a branch of the same name); none means the remote's HEAD.
 */
@Restricted(NoExternalUse.class)
public final class GitRefs {

    private GitRefs() {
    }

    /** The remote ref name to fetch, or null when the remote has no such branch or tag. */
    public static String remoteRefName(Collection<String> remoteRefs, String ref) {
        return RefNames.pick(remoteRefs, ref);
    }

    /** The commit a ref points to on the remote (ls-remote output, tags peeled), or null when unknown. */
    public static String remoteRevision(Map<String, String> remoteRefs, String ref) {
        if (Revisions.isCommitId(ref)) {
            return ref;
        }
        String name = remoteRefName(remoteRefs.keySet(), ref);
        if (name != null) {
            return remoteRefs.get(name);
        }
        if (RefNames.mayBeAbbreviatedId(ref)) {
            // a commit named by a short id: known here only when it is the tip of an advertised ref
            String prefix = RefNames.normalizedId(ref);
            return remoteRefs.values().stream().filter(id -> id != null && id.startsWith(prefix)).findFirst().orElse(null);
        }
        return null;
    }

    /**
     * Whether the URL names a repository on the local disk: a {@code file:} URL or a path (absolute,
     * relative or a Windows drive path), as opposed to a network URL ({@code https://}, {@code ssh://},
     * {@code git://}) or scp-like {@code host:path}.
     */
    public static boolean isLocal(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        String u = url.trim();
        if (u.regionMatches(true, 0, "file:", 0, 5)) {
            return true;
        }
        if (u.contains("://")) {
            return false;
        }
        if (u.matches("^[A-Za-z]:[\\\\/].*")) {
            return true;
        }
        int colon = u.indexOf(':');
        int slash = u.indexOf('/');
        // scp-like "user@host:path" / "host:path": a colon before the first slash
        return colon < 0 || (slash >= 0 && slash < colon);
    }

    /**
     * A web link to the commit when the repository URL is http(s) (the /commit/ path that GitHub, GitLab,
     * Gitea and Forgejo serve), else null. Credentials in the URL are dropped.
     */
    public static String commitLink(String repoUrl, String revision) {
        if (repoUrl == null || revision == null || !Revisions.isCommitId(revision)) {
            return null;
        }
        String u = repoUrl.trim();
        if (!u.startsWith("https://") && !u.startsWith("http://")) {
            return null;
        }
        int scheme = u.indexOf("://") + 3;
        int at = u.indexOf('@', scheme);
        int slash = u.indexOf('/', scheme);
        if (at > 0 && (slash < 0 || at < slash)) {
            u = u.substring(0, scheme) + u.substring(at + 1);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        if (u.endsWith(".git")) {
            u = u.substring(0, u.length() - 4);
        }
        return u + "/commit/" + revision;
    }
}
