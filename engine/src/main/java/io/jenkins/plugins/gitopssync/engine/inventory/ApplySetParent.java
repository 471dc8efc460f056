package io.jenkins.plugins.gitopssync.engine.inventory;

import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ApplySet parent as read (or written): whether it exists, the group-kinds ("Kind.group") and
 * additional namespaces its annotations declare, the engine's data, and its resourceVersion (null when
 * absent), on which the next write of this sync is conditional, and the audit trail of its annotation
 * {@link AuditTrail#ANNOTATION}.
 */
public record ApplySetParent(String name, String namespace, String id, boolean exists, SortedSet<String> groupKinds,
                             SortedSet<String> additionalNamespaces, InventoryData data, String resourceVersion,
                             List<AuditEntry> audit) {

    public ApplySetParent {
        groupKinds = new TreeSet<>(groupKinds);
        additionalNamespaces = new TreeSet<>(additionalNamespaces);
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    public static ApplySetParent absent(String name, String namespace) {
        return new ApplySetParent(name, namespace, ApplySetId.of(name, namespace), false, new TreeSet<>(),
                new TreeSet<>(), InventoryData.empty(), null, List.of());
    }

    /**
     * Whether an earlier sync recorded members: then this sync is an upgrade, not a first install (Helm's
     * install-only and upgrade-only hooks go by it).
     */
    public boolean hasInventory() {
        return exists && !data.objects().isEmpty();
    }

    /** Every namespace members may live in: the parent's own and the additional ones. */
    public Set<String> allNamespaces() {
        SortedSet<String> all = new TreeSet<>(additionalNamespaces);
        all.add(namespace);
        return all;
    }

    public String displayName() {
        return "Secret/" + namespace + "/" + name;
    }
}
