package io.jenkins.plugins.gitopssync.engine.diff;

import java.util.Map;

/**
 * Removes what never counts as a difference: metadata.managedFields, resourceVersion, uid,
 * generation, creationTimestamp, selfLink, the last-applied-configuration annotation, status
 * (kept for nothing), and known server-set annotations; turns Secret stringData into data.
 * Returns a deep copy; the input is untouched. Keys are sorted so the result serialises stably.
 */
public final class Normalizer {

    private Normalizer() {
    }

    public static Map<String, Object> normalize(Map<String, Object> object) {
        throw new UnsupportedOperationException("not yet built");
    }
}
