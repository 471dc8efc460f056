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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads the live members of an ApplySet: one LIST per group-kind across all namespaces, selected by the
 * presence of the part-of label (falling back to one LIST per namespace where RBAC forbids cluster-wide
 * reads). This replaces one GET per object. Objects that belong to another ApplySet come back too, so a
 * sync can refuse to take them over without another request.
 */
public final class MemberReader {

    private MemberReader() {
    }

    /**
     * Live members by {@link ObjectRef#key()}, compact (the whole object is parsed only when asked for), and
     * the objects of these kinds owned by other ApplySets: key to the other ApplySet's id.
     */
    public record Members(Map<String, ListedObject> byKey, Map<String, String> otherOwners) {

        public ListedObject get(ObjectRef ref) {
            return byKey.get(ref.key());
        }
    }

    public static Members read(KubeApi api, Discovery discovery, String applySetId, Set<String> groupKinds,
                               Set<String> namespaces, ExecutorService pool, SyncLog log) {
        String selector = ApplySetId.PART_OF_LABEL;
        Map<String, ListedObject> out = new ConcurrentHashMap<>();
        Map<String, String> others = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (String gk : groupKinds) {
            Optional<ResourceInfo> info = discovery.findGroupKind(gk);
            if (info.isEmpty()) {
                // e.g. a CRD of this set not created yet, or a kind whose CRD was removed: nothing to read
                log.debug("kind " + gk + " is not served; no members of it to read");
                continue;
            }
            ResourceInfo r = info.get();
            futures.add(pool.submit(() -> listKind(api, r, selector, namespaces, applySetId, out, others)));
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
        markContentsOfDeletedNamespaces(out);
        return new Members(out, others);
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

    private static void listKind(KubeApi api, ResourceInfo r, String selector, Set<String> namespaces, String applySetId,
                                 Map<String, ListedObject> out, Map<String, String> others) {
        List<ListedObject> items;
        try {
            items = api.listCompact(r, null, selector);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return; // kind defined by a CRD of this set that is not created yet
            }
            if (!e.isForbidden() || !r.namespaced()) {
                throw wrap(e);
            }
            items = new ArrayList<>();
            for (String ns : namespaces) {
                try {
                    items.addAll(api.listCompact(r, ns, selector));
                } catch (ApiException e2) {
                    throw wrap(e2);
                }
            }
        }
        for (ListedObject item : items) {
            String owner = item.labels().get(ApplySetId.PART_OF_LABEL);
            if (applySetId.equals(owner)) {
                out.put(item.ref().key(), item);
            } else {
                others.put(item.ref().key(), String.valueOf(owner));
            }
        }
    }

    private static SyncException wrap(ApiException e) {
        if (e.isForbidden()) {
            return new SyncException(e.permissionMessage() + " (reading the ApplySet's members)", e);
        }
        return new SyncException("cannot list " + e.resource() + ": " + e.getMessage(), e);
    }
}
