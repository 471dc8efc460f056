package io.jenkins.plugins.gitopssync.engine.diff;

import java.util.Map;

/**
 * A unified diff of two objects rendered as YAML (keys in a stable order), with "--- live" and
 * "+++ desired" headers naming the object. Empty string when both render the same. Callers pass
 * normalized, masked objects; either side may be null (created / pruned).
 */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    public static String diff(String objectName, Map<String, Object> live, Map<String, Object> desired) {
        throw new UnsupportedOperationException("not yet built");
    }
}
