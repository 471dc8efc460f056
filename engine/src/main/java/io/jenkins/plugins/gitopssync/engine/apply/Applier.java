package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.GoneWait;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.diff.Differ;
import io.jenkins.plugins.gitopssync.engine.diff.Fingerprint;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.time.Duration;
import java.util.Map;

/**
 * Applies one object with server-side apply ({@link DryRunApplier} does the dry run). Objects on the
 * fast path cost no request. Otherwise the apply response is the new live object: compared with the
 * live object from the LIST, it gives the action and the diff without a separate dry run. Immutable-field
 * errors fail with the field named, or, with force, delete the object, wait until it is gone and apply
 * again.
 *
 * <p>An object that is not yet a member is claimed with a conditional apply (created only if it still does
 * not exist, adopted only if it is unchanged since it was read), so that of two ApplySets racing for it
 * exactly one wins: the server decides, whatever the timing, and the other set sees the winner's label.
 * Members need no condition: any other set that tries to claim them fails its own condition.
 */
public final class Applier {

    private final KubeApi api;
    private final SyncLog log;
    private final boolean force;
    private final Duration timeout;
    private final String applySetId;

    /** How often a claim is retried when the object changes between reading and writing it. */
    private static final int CLAIM_ATTEMPTS = 4;

    public Applier(KubeApi api, SyncLog log, boolean force, Duration timeout, String applySetId) {
        this.api = api;
        this.log = log;
        this.force = force;
        this.timeout = timeout;
        this.applySetId = applySetId;
    }

    /** What a write did: the server's answer, the object as it was before (adopted), or why it was refused. */
    private record Claim(KubeApi.Applied applied, Map<String, Object> before, String refusal, boolean recreated) {
        Claim asRecreated() {
            return new Claim(applied, before, refusal, true);
        }
    }

    public ObjectOutcome apply(PlannedObject p, ListedObject listed, ObjectRecord record) {
        if (Fingerprint.unchanged(p.desiredHash(), listed, record)) {
            return ObjectOutcome.unchanged(p.ref(), p.source(), record);
        }
        boolean deleting = listed != null && listed.deleting();
        Map<String, Object> live = listed == null || deleting ? null : listed.object();
        Claim claim;
        try {
            if (deleting) {
                // an apply would be lost with it (a namespace being deleted takes its contents too)
                log.info("waiting for " + p.ref() + " to be gone (its deletion began outside this sync)"
                        + " to create it again");
                awaitGone(p);
            }
            claim = write(p, live);
        } catch (ApiException e) {
            return ApplyFailure.failed(log, p, record, ApplyFailure.message(p, e, force));
        }
        if (claim.refusal() != null) {
            return ApplyFailure.failed(log, p, record, claim.refusal());
        }
        return outcome(p, live, record, claim);
    }

    /**
     * Applies the object, or creates or adopts it when it is not live; with force, re-creates it when an
     * immutable field changed.
     */
    private Claim write(PlannedObject p, Map<String, Object> live) {
        ObjectRef ref = p.ref();
        try {
            return live == null ? claim(p)
                    : new Claim(api.apply(p.resource(), ref.namespace(), ref.name(), p.desired(), false), live, null, false);
        } catch (ApiException e) {
            if (!e.isImmutableFieldError() || !force) {
                throw e;
            }
            return recreate(p).asRecreated();
        }
    }

    /** The outcome of a write: its action, its diff against the live object, and the record to keep. */
    private ObjectOutcome outcome(PlannedObject p, Map<String, Object> live, ObjectRecord record, Claim write) {
        ObjectRef ref = p.ref();
        Map<String, Object> after = write.applied().object();
        Action action;
        String diff;
        String note = "";
        if (write.recreated()) {
            action = Action.CONFIGURED;
            diff = Differ.compare(ref.toString(), live, after).diff();
            note = " (re-created: immutable field changed)";
        } else if (write.applied().created()) {
            // a created object's diff is the whole object: a dry run shows it; a sync keeps its result small
            // (it is stored with every Jenkins build) and its first run fast
            action = Action.CREATED;
            diff = "";
        } else if (live == null) {
            // it existed without any ApplySet's label: adopted into this one
            action = Action.CONFIGURED;
            diff = Differ.compare(ref.toString(), write.before(), after).diff();
            note = " (adopted an existing object)";
        } else {
            Differ.Change change = Differ.compare(ref.toString(), live, after);
            action = change.action();
            diff = change.diff();
        }
        boolean drift = Drift.isDrift(p, record, action);
        if (action != Action.UNCHANGED) {
            log.info(action.word() + " " + ref + (drift ? " (drift corrected)" : "") + note);
        }
        ObjectRecord rec = ObjectRecord.of(ref, p.desiredHash(), Fingerprint.resourceVersion(after), Fingerprint.live(after));
        return ObjectOutcome.changed(ref, action, drift, diff, p.source(), rec);
    }

    /**
     * Creates the object if it still does not exist, or adopts it if it exists in no ApplySet and has not
     * changed since it was read; refuses it when another ApplySet holds it.
     */
    private Claim claim(PlannedObject p) {
        ObjectRef ref = p.ref();
        String expected = KubeApi.NOT_CREATED_YET;
        Map<String, Object> before = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return new Claim(api.applyIfUnchanged(p.resource(), ref.namespace(), ref.name(), p.desired(), expected),
                        before, null, false);
            } catch (ApiException e) {
                // with forced ownership a 409 is the precondition: someone wrote it since it was read
                if (!e.isConflict() || attempt == CLAIM_ATTEMPTS) {
                    throw e;
                }
            }
            before = api.get(p.resource(), ref.namespace(), ref.name());
            if (before == null) {
                expected = KubeApi.NOT_CREATED_YET; // deleted in between: create it
                continue;
            }
            String owner = OtherOwner.of(before);
            if (owner != null && !owner.equals(applySetId)) {
                return new Claim(null, before, OtherOwner.refusal(p, owner), false);
            }
            expected = Fingerprint.resourceVersion(before);
        }
    }

    private Claim recreate(PlannedObject p) {
        ObjectRef ref = p.ref();
        log.info("re-creating " + ref + ": an immutable field changed and force is on");
        api.delete(p.resource(), ref.namespace(), ref.name(), "Foreground");
        awaitGone(p);
        return claim(p); // another set may create it while it is gone
    }

    /**
     * Waits until the object, whose deletion has begun, is gone, or is there anew (someone created it again:
     * the claim then decides); fails after the sync's timeout naming the finalizers that still hold it.
     */
    private void awaitGone(PlannedObject p) {
        ObjectRef ref = p.ref();
        Map<String, Object> live = GoneWait.until(api, p.resource(), ref.namespace(), ref.name(),
                System.nanoTime() + timeout.toNanos());
        if (live != null) {
            throw ApiException.gaveUpWaiting("still being deleted after " + timeout.toSeconds() + "s"
                    + GoneWait.finalizers(live), new ApiException.Call("delete", p.resource().groupResource(), ref.namespace()));
        }
    }
}
