package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.Map;

/**
 * The sanitize step: a copy of the object with its resolved namespace (dropped, with a warning, for a
 * cluster-scoped kind), without the fields the server owns, and with the ApplySet's labels.
 */
final class Sanitizer {

    private final String applySetName;
    private final String applySetId;
    private final SyncLog log;

    Sanitizer(Placement placement, SyncLog log) {
        this.applySetName = placement.applySetName();
        this.applySetId = ApplySetId.of(placement.applySetName(), placement.applySetNamespace());
        this.log = log;
    }

    /** {@code r} must be served (see {@link KindResolver#requireServed}). */
    SanitizedObject sanitize(ResolvedObject r) {
        Map<String, Object> obj = ObjectMaps.copy(r.object());
        ResourceInfo info = r.resource().orElseThrow();
        Map<String, Object> meta = ObjectMaps.child(obj, "metadata");
        if (info.namespaced()) {
            meta.put("namespace", r.namespace());
        } else if (meta.remove("namespace") != null) {
            log.warn(r.source() + ": " + info.kind() + "/" + meta.get("name")
                    + " is cluster-scoped; its metadata.namespace is ignored");
        }
        // fields the server owns would act as preconditions or be rejected
        meta.remove("resourceVersion");
        meta.remove("uid");
        meta.remove("managedFields");
        meta.remove("creationTimestamp");
        Map<String, Object> labels = ObjectMaps.child(meta, "labels");
        labels.put(ApplySetId.PART_OF_LABEL, applySetId);
        if (applySetName.length() <= 63) {
            labels.put(Planner.APPLYSET_NAME_LABEL, applySetName);
        }
        ObjectRef ref = new ObjectRef(info.group(), info.version(), info.kind(), r.namespace(),
                meta.get("name").toString());
        return new SanitizedObject(ref, info, obj, r.source());
    }
}
