package io.jenkins.plugins.gitopssync.engine.inventory;

import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The last write of a sync to the ApplySet parent: every object still a member keeps its kind and namespace
 * listed, and its record; after a failed apply the parent stays at the widened superset, as nothing was
 * pruned; and one line is added to the audit trail.
 */
public final class InventoryRecorder {

    private final ApplySetInventory inventory;
    private final String revision;
    private final String path;
    private final String signer;
    private final String origin;
    private final Clock wall;

    /**
     * @param signer who signed the revision (audit text), or null when not checked
     * @param origin who ran the sync
     * @param wall   the clock of the record's time stamps and of the displaced syncs' expiry
     */
    public InventoryRecorder(ApplySetInventory inventory, String revision, String path, String signer, String origin,
                             Clock wall) {
        this.inventory = inventory;
        this.revision = revision;
        this.path = path;
        this.signer = signer;
        this.origin = origin;
        this.wall = wall;
    }

    /**
     * @param wide     the parent as widened before applying
     * @param members  the live members as read before applying
     * @param records  the records of this sync's objects, by key
     * @param released keys of the members this sync pruned or released from the set
     * @param applied  false when objects failed to apply
     */
    public ApplySetParent record(ApplySetParent wide, DesiredSet desired, Map<String, ListedObject> members,
                                 Map<String, ObjectRecord> records, Set<String> released, boolean applied) {
        Map<String, ObjectRecord> keep = new LinkedHashMap<>(records);
        SortedSet<String> kinds = new TreeSet<>(desired.groupKinds());
        SortedSet<String> namespaces = new TreeSet<>(desired.namespaces());
        Map<String, ObjectRecord> old = wide.data().byKey();
        for (Map.Entry<String, ListedObject> m : members.entrySet()) {
            if (desired.keys().contains(m.getKey()) || released.contains(m.getKey())) {
                continue;
            }
            // still a member (prune off, or its delete failed): keep it listed so a later prune finds it
            ObjectRef ref = m.getValue().ref();
            kinds.add(ref.groupKind());
            if (!ref.namespace().isEmpty()) {
                namespaces.add(ref.namespace());
            }
            if (old.containsKey(m.getKey())) {
                keep.putIfAbsent(m.getKey(), old.get(m.getKey()));
            }
        }
        if (!applied) {
            kinds.addAll(wide.groupKinds());
            namespaces.addAll(wide.additionalNamespaces());
        }
        // never narrower than what a recently displaced sync may still write
        long now = wall.instant().getEpochSecond();
        List<DisplacedSync> displaced = wide.data().displaced().stream().filter(d -> d.activeAt(now)).toList();
        for (DisplacedSync d : displaced) {
            kinds.addAll(d.groupKinds());
            namespaces.addAll(d.namespaces());
        }
        InventoryData data = new InventoryData(revision, path, now, new ArrayList<>(keep.values()), displaced);
        AuditEntry audit = new AuditEntry(Instant.ofEpochSecond(now).toString(), revision, path, signer, origin,
                applied ? "applied" : "failed");
        return inventory.finish(wide, kinds, namespaces, data, audit);
    }
}
