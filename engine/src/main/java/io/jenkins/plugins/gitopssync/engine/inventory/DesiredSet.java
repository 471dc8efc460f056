package io.jenkins.plugins.gitopssync.engine.inventory;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * What the inventory needs of a plan: the group-kinds ("Kind.group") and namespaces it spans, and the hash of
 * each object's desired state by its key ({@link io.jenkins.plugins.gitopssync.engine.identity.ObjectRef#key()}).
 */
public record DesiredSet(SortedSet<String> groupKinds, SortedSet<String> namespaces, Map<String, String> hashes) {

    /** The keys of the plan's objects. */
    public Set<String> keys() {
        return hashes.keySet();
    }
}
