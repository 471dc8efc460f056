package io.jenkins.plugins.gitopssync.engine.inventory;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Reads the live members of an ApplySet: one LIST per group-kind across all namespaces (falling back to one LIST
 * per namespace where RBAC forbids cluster-wide reads). This replaces one GET per object. Once the ApplySet has a
 * parent, the LISTs select its own members only ({@code part-of=<id>}): the objects other ApplySets hold in the
 * same kinds (other jobs' sets on a shared cluster, often far more than this one's) are neither sent nor read. Who
 * holds an object that is wanted but not a member (new in Git, or taken by another set) is then read with a
 * second LIST of its kind, all owners ({@code part-of} present), keeping only those objects' owners. Before the
 * first sync (no parent) that one LIST per kind is all there is.
 */
public final class MemberReader {

    private MemberReader() {
    }

    /**
     * Live members by {@link ObjectRef#key()}, compact unless asked otherwise, and the other ApplySets holding
     * wanted objects: key to the other ApplySet's id.
     */
    public record Members(Map<String, ListedObject> byKey, Map<String, String> otherOwners) {

        public ListedObject get(ObjectRef ref) {
            return byKey.get(ref.key());
        }
    }

    /**
     * What to read.
     *
     * @param parentExists whether the ApplySet has a parent: only then are its members labelled with its id
     * @param wanted       keys of the objects whose holder matters (a plan's objects; none for a status check)
     * @param keepJson     which members to keep whole (it sees each one compact): the ones a diff or a prune
     *                     will look into
     */
    public record Query(String applySetId, Set<String> groupKinds, Set<String> namespaces, boolean parentExists,
                        Set<String> wanted, Predicate<ListedObject> keepJson) {
    }

    public static Members read(KubeApi api, Discovery discovery, Query q, ExecutorService pool, SyncLog log) {
        Map<String, ListedObject> members = new ConcurrentHashMap<>();
        Map<String, String> others = new ConcurrentHashMap<>();
        String own = q.parentExists() ? ApplySetId.PART_OF_LABEL + "=" + q.applySetId() : ApplySetId.PART_OF_LABEL;
        listAll(api, discovery, q.groupKinds(), pool, log, r -> {
            for (ListedObject item : list(api, r, own, q.namespaces(), mine(q))) {
                if (q.applySetId().equals(item.owner())) {
                    members.put(item.ref().key(), item);
                } else if (q.wanted().contains(item.ref().key())) {
                    others.put(item.ref().key(), String.valueOf(item.owner()));
                }
            }
        });
        if (q.parentExists()) {
            Set<String> missing = new HashSet<>(q.wanted());
            missing.removeAll(members.keySet());
            listAll(api, discovery, groupKinds(missing), pool, log, r -> {
                for (ListedObject item : list(api, r, ApplySetId.PART_OF_LABEL, q.namespaces(), i -> false)) {
                    if (missing.contains(item.ref().key()) && !q.applySetId().equals(item.owner())) {
                        others.put(item.ref().key(), String.valueOf(item.owner()));
                    }
                }
            });
        }
        markContentsOfDeletedNamespaces(members);
        return new Members(members, others);
    }

    /** JSON only of this set's members that the caller keeps whole; never of other sets' objects. */
    private static Predicate<ListedObject> mine(Query q) {
        return item -> q.applySetId().equals(item.owner()) && q.keepJson().test(item);
    }

    /** The "Kind.group"s of keys ({@link ObjectRef#key()}: group/kind/namespace/name). */
    private static Set<String> groupKinds(Set<String> keys) {
        Set<String> out = new TreeSet<>();
        for (String key : keys) {
            String[] p = key.split("/", 3);
            out.add(p[0].isEmpty() ? p[1] : p[1] + "." + p[0]);
        }
        return out;
    }

    private interface KindReader {
        void read(ResourceInfo r);
    }

    /** One task per served kind on the pool; waits for all. */
    private static void listAll(KubeApi api, Discovery discovery, Set<String> groupKinds, ExecutorService pool,
                                SyncLog log, KindReader reader) {
        List<Future<?>> futures = new ArrayList<>();
        for (String gk : groupKinds) {
            Optional<ResourceInfo> info = discovery.findGroupKind(gk);
            if (info.isEmpty()) {
                // e.g. a CRD of this set not created yet, or a kind whose CRD was removed: nothing to read
                log.debug("kind " + gk + " is not served; no members of it to read");
                continue;
            }
            futures.add(pool.submit(() -> reader.read(info.get())));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncException("interrupted while reading the live objects");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new SyncException("cannot read the live objects: " + e.getCause(), e.getCause());
            }
        }
    }

    /** One kind across all namespaces, or per namespace where that is forbidden; nothing when it is not served. */
    private static List<ListedObject> list(KubeApi api, ResourceInfo r, String selector, Set<String> namespaces,
                                           Predicate<ListedObject> keepJson) {
        try {
            return api.listCompact(r, null, selector, keepJson);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return List.of(); // kind defined by a CRD of this set that is not created yet
            }
            if (!e.isForbidden() || !r.namespaced()) {
                throw wrap(e);
            }
        }
        List<ListedObject> items = new ArrayList<>();
        for (String ns : namespaces) {
            try {
                items.addAll(api.listCompact(r, ns, selector, keepJson));
            } catch (ApiException e2) {
                throw wrap(e2);
            }
        }
        return items;
    }

    /**
     * The members inside a Namespace member whose deletion has begun are as good as deleted: the namespace
     * controller removes them before the Namespace goes. A sync waits for the Namespace and then creates them
     * again instead of counting them unchanged.
     */
    private static void markContentsOfDeletedNamespaces(Map<String, ListedObject> members) {
        Set<String> deleted = new HashSet<>();
        for (ListedObject m : members.values()) {
            if (m.deleting() && m.ref().group().isEmpty() && "Namespace".equals(m.ref().kind())) {
                deleted.add(m.ref().name());
            }
        }
        if (!deleted.isEmpty()) {
            members.replaceAll((key, m) -> !m.deleting() && deleted.contains(m.ref().namespace()) ? m.asDeleting() : m);
        }
    }

    private static SyncException wrap(ApiException e) {
        if (e.isForbidden()) {
            return new SyncException(e.permissionMessage() + " (reading the ApplySet's members)", e);
        }
        return new SyncException("cannot list " + e.resource() + ": " + e.getMessage(), e);
    }
}
