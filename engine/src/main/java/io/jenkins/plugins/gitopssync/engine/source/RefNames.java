package io.jenkins.plugins.gitopssync.engine.source;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a user's {@code ref} names, in git's own order (gitrevisions(7), what {@code git rev-parse} picks for an
 * ambiguous name): a full object id is that commit; otherwise the first of {@code <ref>} itself when it is a full
 * ref name, {@code refs/<ref>}, {@code refs/tags/<ref>}, {@code refs/heads/<ref>} that exists; only when no ref
 * matches, an abbreviated commit id (4 to 39 hex digits). So a name that is both a tag and a branch is the tag,
 * as in git. The one rule of the CLI's checkout, the plugin's checkout and the trigger's ls-remote.
 */
public final class RefNames {

    public static final String HEAD = "HEAD";
    private static final Pattern ABBREVIATED = Pattern.compile("[0-9a-fA-F]{4,39}");

    private RefNames() {
    }

    /** The full ref names {@code ref} could mean, most preferred first (empty for a full commit id). */
    public static List<String> candidates(String ref) {
        if (ref == null || ref.isBlank() || ref.equals(HEAD)) {
            return List.of(HEAD);
        }
        if (Revisions.isCommitId(ref)) {
            return List.of();
        }
        if (ref.startsWith("refs/")) {
            return List.of(ref);
        }
        return List.of("refs/" + ref, "refs/tags/" + ref, "refs/heads/" + ref);
    }

    /** The first candidate of {@code ref} among the refs a repository has (or a remote advertises), or null. */
    public static String pick(Collection<String> available, String ref) {
        for (String c : candidates(ref)) {
            if (available.contains(c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The commit {@code ref} names among the refs a remote advertises (ls-remote: ref name to commit id, tags
     * peeled), or null when the remote does not say: a full id is itself; a short id is found only when it is the
     * tip of an advertised ref.
     */
    public static String advertisedCommit(Map<String, String> advertised, String ref) {
        if (Revisions.isCommitId(ref)) {
            return ref;
        }
        String name = pick(advertised.keySet(), ref);
        if (name != null) {
            return advertised.get(name);
        }
        if (!mayBeAbbreviatedId(ref)) {
            return null;
        }
        String prefix = normalizedId(ref);
        return advertised.values().stream().filter(id -> id != null && id.startsWith(prefix)).findFirst().orElse(null);
    }

    /** Whether {@code ref} may be an abbreviated commit id, tried when no ref of that name exists. */
    public static boolean mayBeAbbreviatedId(String ref) {
        return ref != null && ABBREVIATED.matcher(ref).matches();
    }

    /** An abbreviated id as git compares it. */
    public static String normalizedId(String ref) {
        return ref.toLowerCase(Locale.ROOT);
    }
}
