package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.diff.Fingerprint;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetParent;
import io.jenkins.plugins.gitopssync.engine.inventory.MemberReader;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The inventory's state without a source, cheaply: the parent, one LIST per kind, and the fingerprints
 * recorded at the last sync. An object drifted when it is gone, or when both its resourceVersion and its
 * fingerprint (the fields this engine applies and their values, {@link Fingerprint#live}) moved since then:
 * a status update or a label someone else added moves only the first, as a dry run would find no
 * difference either. Without the source no dry run is possible, so drifted objects carry no diff.
 */
final class StatusCheck {

    private final ClusterAccess cluster;
    private final SyncLog log;

    StatusCheck(ClusterAccess cluster, SyncLog log) {
        this.cluster = cluster;
        this.log = log;
    }

    InventoryStatus check(String applySetName, String applySetNamespace) {
        String ns = applySetNamespace == null || applySetNamespace.isBlank() ? SyncRequest.DEFAULT_NAMESPACE
                : applySetNamespace;
        long before = cluster.requestCount();
        Discovery discovery = Discovery.load(cluster);
        KubeApi api = new KubeApi(cluster);
        ApplySetInventory inventory = new ApplySetInventory(api, applySetName, ns);
        ApplySetParent parent = inventory.read();
        if (!parent.exists()) {
            return InventoryStatus.builder(applySetName, ns).apiRequests(cluster.requestCount() - before).build();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "gitops-sync-status");
            t.setDaemon(true);
            return t;
        });
        Map<String, ListedObject> members;
        try {
            Map<String, ObjectRecord> records = parent.data().byKey();
            // own members only, kept whole only where the fingerprint must be computed (moved resourceVersion)
            MemberReader.Query q = new MemberReader.Query(inventory.id(), parent.groupKinds(), parent.allNamespaces(),
                    true, Set.of(), m -> fingerprintNeeded(m, records.get(m.ref().key())));
            members = MemberReader.read(api, discovery, q, pool, log).byKey();
        } finally {
            pool.shutdownNow();
        }
        return result(applySetName, ns, parent, members, before);
    }

    /** Whether {@link Fingerprint#asRecorded} will have to hash the whole object. */
    private static boolean fingerprintNeeded(ListedObject m, ObjectRecord rec) {
        return rec != null && !m.deleting() && (m.resourceVersion() == null
                || !m.resourceVersion().equals(rec.resourceVersion()));
    }

    private InventoryStatus result(String applySetName, String ns, ApplySetParent parent, Map<String, ListedObject> members,
                                   long before) {
        List<ObjectResult> drifted = new ArrayList<>();
        for (ObjectRecord rec : parent.data().objects()) {
            ObjectRef ref = rec.ref();
            ListedObject live = members.get(ref.key());
            if (live == null || live.deleting()) { // a sync creates it (again)
                drifted.add(ObjectOutcome.drifted(ref, Action.CREATED));
            } else if (!Fingerprint.asRecorded(live, rec)) {
                drifted.add(ObjectOutcome.drifted(ref, Action.CONFIGURED));
            }
        }
        if (!drifted.isEmpty()) {
            log.info(drifted.size() + " objects of ApplySet " + ns + "/" + applySetName + " drifted since the last sync");
        }
        return InventoryStatus.builder(applySetName, ns).exists(true).lastRevision(parent.data().revision())
                .lastPath(parent.data().path()).objectCount(parent.data().objects().size()).drifted(drifted)
                .apiRequests(cluster.requestCount() - before).audit(parent.audit()).build();
    }
}
