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
import java.util.function.Predicate;

/**
 * What a sync reads before it diffs or applies: the ApplySet parent, the live members of the old and new
 * kinds in the old and new namespaces (and the other ApplySets holding objects of the plan), and the last
 * sync's records. A member is kept whole only where the sync will look into it; see {@link #needsWhole}.
 */
public record LiveState(ApplySetParent parent, MemberReader.Members members, Map<String, ObjectRecord> records) {

    public static LiveState read(ApplySetInventory inventory, KubeApi api, Discovery discovery, DesiredSet desired,
                                 ExecutorService pool, SyncLog log) {
        ApplySetParent parent = inventory.read();
        SortedSet<String> kinds = new TreeSet<>(parent.groupKinds());
        kinds.addAll(desired.groupKinds());
        SortedSet<String> namespaces = new TreeSet<>(parent.allNamespaces());
        namespaces.addAll(desired.namespaces());
        Map<String, ObjectRecord> records = parent.data().byKey();
        MemberReader.Query q = new MemberReader.Query(inventory.id(), kinds, namespaces, parent.exists(), desired.keys(),
                needsWhole(desired, records));
        return new LiveState(parent, MemberReader.read(api, discovery, q, pool, log), records);
    }

    /**
     * The members a sync or a dry run looks into: those it will diff (no record of them, or Git or the live
     * object changed since the record: the fingerprint check and the diff need the object) and those that left
     * Git (a prune reads their annotations and shows them). A member as recorded, Git unchanged, is only counted.
     */
    static Predicate<ListedObject> needsWhole(DesiredSet desired, Map<String, ObjectRecord> records) {
        return m -> {
            String key = m.ref().key();
            ObjectRecord rec = records.get(key);
            String hash = desired.hashes().get(key);
            return rec == null || hash == null || !hash.equals(rec.desiredHash())
                    || m.resourceVersion() == null || !m.resourceVersion().equals(rec.resourceVersion());
        };
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
