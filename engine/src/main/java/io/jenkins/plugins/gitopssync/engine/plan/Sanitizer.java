package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.HookLabels;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sanitize step: a copy of the object with its resolved namespace (dropped, with a warning, for a
 * cluster-scoped kind), without the fields the server owns, and with the ApplySet's labels; a hook gets the
 * hook labels instead of the part-of label, as it is no member of the set.
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

    /** A member of the set; {@code r} must be served (see {@link KindResolver#requireServed}). */
    SanitizedObject sanitize(ResolvedObject r, int wave) {
        Map<String, Object> obj = copy(r);
        Map<String, Object> labels = ObjectMaps.child(ObjectMaps.child(obj, "metadata"), "labels");
        labels.put(ApplySetId.PART_OF_LABEL, applySetId);
        if (applySetName.length() <= 63) {
            labels.put(Planner.APPLYSET_NAME_LABEL, applySetName);
        }
        return new SanitizedObject(ref(r, obj, "name"), r.resource().orElseThrow(), obj, r.source(), wave);
    }

    /** A hook: one per phase it runs in. */
    List<PlannedHook> hooks(ResolvedObject r, PhaseSpec spec) {
        Map<String, Object> obj = copy(r);
        Map<String, Object> meta = ObjectMaps.child(obj, "metadata");
        boolean generated = meta.get("name") == null || meta.get("name").toString().isBlank();
        ObjectRef ref = ref(r, obj, generated ? "generateName" : "name");
        String hookId = HookLabels.idOf(ref);
        Map<String, Object> labels = ObjectMaps.child(meta, "labels");
        labels.remove(ApplySetId.PART_OF_LABEL);
        labels.put(HookLabels.HOOK_OF, applySetId);
        labels.put(HookLabels.HOOK, hookId);
        ResourceInfo info = r.resource().orElseThrow();
        int stage = KindOrder.stageOf(ref.group(), ref.kind());
        List<PlannedHook> hooks = new ArrayList<>();
        for (PhaseSpec.Trigger t : spec.triggers()) {
            hooks.add(new PlannedHook(ref, info, obj, r.source(), t.phase(), spec.wave(), stage, t.occasion(),
                    spec.deletePolicies(), generated, hookId));
        }
        return hooks;
    }

    /** The copy both get: namespace resolved, the fields the server owns removed. */
    private Map<String, Object> copy(ResolvedObject r) {
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
        return obj;
    }

    private static ObjectRef ref(ResolvedObject r, Map<String, Object> obj, String nameField) {
        ResourceInfo info = r.resource().orElseThrow();
        return new ObjectRef(info.group(), info.version(), info.kind(), r.namespace(),
                ObjectMaps.string(obj, "metadata", nameField));
    }
}
