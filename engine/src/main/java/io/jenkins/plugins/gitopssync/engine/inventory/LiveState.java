package io.jenkins.plugins.gitopssync.engine.inventory;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;

/**
 * What a sync reads before it diffs or applies: the ApplySet parent, the live members of the old and new
 * kinds in the old and new namespaces (and the objects other ApplySets hold), and the last sync's records.
 */
public record LiveState(ApplySetParent parent, MemberReader.Members members, Map<String, ObjectRecord> records) {

    public static LiveState read(ApplySetInventory inventory, KubeApi api, Discovery discovery, DesiredSet desired,
                                 ExecutorService pool, SyncLog log) {
        ApplySetParent parent = inventory.read();
        SortedSet<String> kinds = new TreeSet<>(parent.groupKinds());
        kinds.addAll(desired.groupKinds());
        SortedSet<String> namespaces = new TreeSet<>(parent.allNamespaces());
        namespaces.addAll(desired.namespaces());
        MemberReader.Members members = MemberReader.read(api, discovery, inventory.id(), kinds, namespaces, pool, log);
        return new LiveState(parent, members, parent.data().byKey());
    }

    /** Live members by {@link ObjectRef#key()}. */
    public Map<String, ListedObject> byKey() {
        return members.byKey();
    }

    /** The live member, or null. */
    public ListedObject member(ObjectRef ref) {
        return members.get(ref);
    }

    /** The id of the other ApplySet that holds the object, or null. */
    public String otherOwner(ObjectRef ref) {
        return members.otherOwners().get(ref.key());
    }

    /** The last sync's record of the object, or null. */
    public ObjectRecord record(ObjectRef ref) {
        return records.get(ref.key());
    }
}
