package io.jenkins.plugins.gitopssync.engine.report;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.io.Serializable;
import java.util.function.UnaryOperator;

/**
 * Outcome for one object. {@code diff} is a unified YAML diff with Secret values masked (empty when
 * unchanged); {@code error} is null unless the action is FAILED (why) or SKIPPED (the reason it was skipped); {@code source} is "file:line" or
 * null for pruned objects; {@code health} is null when health was not checked.
 */
public record ObjectResult(String group, String version, String kind, String namespace, String name,
                           Action action, boolean drift, String diff, String error, String source,
                           String health) implements Serializable {

    /** The same result with the health the wait found. */
    public ObjectResult withHealth(String found) {
        return new ObjectResult(group, version, kind, namespace, name, action, drift, diff, error, source, found);
    }

    /** The same result with its diff and error passed through {@code mask} (values that must not be shown). */
    public ObjectResult masked(UnaryOperator<String> mask) {
        return new ObjectResult(group, version, kind, namespace, name, action, drift, diff == null ? null : mask.apply(diff),
                error == null ? null : mask.apply(error), source, health);
    }

    /** kind/namespace/name as in every message ({@link ObjectRef#displayName}). */
    public String displayName() {
        return ObjectRef.displayName(kind, namespace, name);
    }
}
