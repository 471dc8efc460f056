package io.jenkins.plugins.gitopssync.engine.report;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.io.Serializable;
import java.util.Locale;

/**
 * One hook of one phase: the object it created (its generated name once created; in a dry run
 * {@code name} ends with "*" for a name still to be generated), where it came from, what became of it, why
 * ({@code error}: the failure, or why it did not run), and whether its delete policy removed it afterwards.
 */
public record HookResult(String phase, int wave, String group, String version, String kind, String namespace,
                         String name, String source, State state, String error, boolean deleted) implements Serializable {

    public enum State {
        /** Dry run: it would be created. */
        WOULD_RUN,
        /** It does not run on this occasion (Helm's install-only hooks on an upgrade, and the reverse). */
        SKIPPED,
        SUCCEEDED,
        FAILED,
        /** Created, but the wave failed before it finished. */
        UNFINISHED,
        /** An earlier wave failed, so it was never created. */
        NOT_RUN;

        /** "would run", "succeeded", ... as the report, the log and the pages say it. */
        public String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** kind/namespace/name as in every message ({@link ObjectRef#displayName}). */
    public String displayName() {
        return ObjectRef.displayName(kind, namespace, name);
    }
}
