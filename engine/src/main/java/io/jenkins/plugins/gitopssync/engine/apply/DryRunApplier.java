package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.diff.Differ;
import io.jenkins.plugins.gitopssync.engine.diff.Fingerprint;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.util.Map;

/**
 * Dry run of one object: what a sync would do, nothing written. Objects on the fast path cost no request;
 * otherwise a server-side dry-run apply gives the object as the server would store it, compared with the
 * live object from the LIST. Kept apart from {@link Applier}, which writes.
 */
public final class DryRunApplier {

    private final KubeApi api;
    private final SyncLog log;
    private final boolean force;

    public DryRunApplier(KubeApi api, SyncLog log, boolean force) {
        this.api = api;
        this.log = log;
        this.force = force;
    }

    public ObjectOutcome diff(PlannedObject p, ListedObject listed, ObjectRecord record) {
        ObjectRef ref = p.ref();
        if (Fingerprint.unchanged(p.desiredHash(), listed, record)) {
            return ObjectOutcome.unchanged(ref, p.source(), record);
        }
        if (listed != null && listed.deleting()) {
            return wouldCreate(p, record); // a sync waits until it is gone, then creates it again
        }
        Map<String, Object> live = listed == null ? null : listed.object();
        KubeApi.Applied applied;
        try {
            applied = api.apply(p.resource(), ref.namespace(), ref.name(), p.desired(), true);
        } catch (ApiException e) {
            if (live == null && e.isNotFound()) {
                return wouldCreate(p, record); // its namespace or its CRD is created by this same sync
            }
            if (e.isImmutableFieldError() && force) {
                // a sync would delete and re-create it
                Differ.Change c = Differ.compare(ref.toString(), live, p.desired());
                return ObjectOutcome.changed(ref, Action.CONFIGURED, Drift.isDrift(p, record, Action.CONFIGURED),
                        c.diff(), p.source(), record);
            }
            return ApplyFailure.failed(log, p, record, ApplyFailure.message(p, e, force));
        }
        Map<String, Object> before = live;
        if (before == null && !applied.created()) {
            before = api.get(p.resource(), ref.namespace(), ref.name()); // exists without our label
        }
        Differ.Change change = Differ.compare(ref.toString(), before, applied.object());
        boolean drift = Drift.isDrift(p, record, change.action());
        // an unchanged object whose fingerprint moved (a controller touched it) gets a fresh record
        ObjectRecord rec = record;
        if (change.action() == Action.UNCHANGED && live != null) {
            rec = ObjectRecord.of(ref, p.desiredHash(), Fingerprint.resourceVersion(live), Fingerprint.live(live));
        }
        return ObjectOutcome.changed(ref, change.action(), drift, change.diff(), p.source(), rec);
    }

    private static ObjectOutcome wouldCreate(PlannedObject p, ObjectRecord record) {
        Differ.Change c = Differ.compare(p.ref().toString(), null, p.desired());
        return ObjectOutcome.changed(p.ref(), Action.CREATED, Drift.isDrift(p, record, Action.CREATED), c.diff(),
                p.source(), record);
    }
}
