package io.jenkins.plugins.gitopssync.engine.inventory;

import java.util.Set;
import java.util.SortedSet;

/**
 * What the inventory needs of a plan: the group-kinds ("Kind.group") and namespaces it spans, and the keys
 * ({@link io.jenkins.plugins.gitopssync.engine.identity.ObjectRef#key()}) of its objects.
 */
public record DesiredSet(SortedSet<String> groupKinds, SortedSet<String> namespaces, Set<String> keys) {
}
