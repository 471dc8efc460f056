package io.jenkins.plugins.gitopssync.engine.source;

import java.util.regex.Pattern;

/** How a revision is shown in short. */
public final class Revisions {

    /** SHA-1 or SHA-256 object id, as Git prints it. */
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final int SHORT_LENGTH = 7;

    private Revisions() {
    }

    public static boolean isCommitId(String revision) {
        return revision != null && COMMIT_ID.matcher(revision).matches();
    }

    /**
     * A commit id's first 7 digits, as Git shows it; another revision ("unversioned", "1a2b...-dirty") as it
     * is, since cutting it would make it mean something else; "(none)" when there is none.
     */
    public static String shortId(String revision) {
        if (revision == null || revision.isBlank()) {
            return "(none)";
        }
        return isCommitId(revision) ? revision.substring(0, SHORT_LENGTH) : revision;
    }
}
