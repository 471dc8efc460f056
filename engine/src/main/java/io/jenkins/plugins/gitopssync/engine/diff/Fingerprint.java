package io.jenkins.plugins.gitopssync.engine.diff;

import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import java.util.List;
import java.util.Map;

/**
 * The fast no-op path: an object is unchanged, without any dry run, when its desired state hashes as at
 * the last sync and its live state is still the one recorded then, either by resourceVersion or (after a
 * controller touched only status or its own bookkeeping) by the hash of its normalized content.
 */
public final class Fingerprint {

    /** Set by controllers after our apply; never part of what we declare. */
    private static final List<String> CONTROLLER_ANNOTATIONS = List.of(
            "deployment.kubernetes.io/revision",
            "deprecated.daemonset.template.generation",
            "pv.kubernetes.io/bind-completed",
            "pv.kubernetes.io/bound-by-controller",
            "volume.beta.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/storage-provisioner",
            "volume.kubernetes.io/selected-node");

    private Fingerprint() {
    }

    /**
     * Hash of what a dry run would compare: the fields this engine's apply owns and their live values
     * ({@link OwnedFields}), so a change to a field Git does not set (a label added by hand, a controller's
     * annotation) is no drift, here as in a dry run. An object without an entry of ours in managedFields
     * falls back to its whole normalized content, minus what controllers set after an apply.
     */
    @SuppressWarnings("unchecked")
    public static String live(Map<String, Object> live) {
        Map<String, Object> owned = OwnedFields.of(live);
        if (owned != null) {
            return ContentHash.of(owned);
        }
        Map<String, Object> n = ObjectMaps.copy(Normalizer.normalize(live));
        if (ObjectMaps.at(n, "metadata", "annotations") instanceof Map<?, ?> ann) {
            CONTROLLER_ANNOTATIONS.forEach(ann::remove);
            if (ann.isEmpty()) {
                ((Map<String, Object>) n.get("metadata")).remove("annotations");
            }
        }
        if ("Pod".equals(n.get("kind")) && n.get("spec") instanceof Map<?, ?> spec) {
            spec.remove("nodeName");
        }
        if ("PersistentVolumeClaim".equals(n.get("kind")) && n.get("spec") instanceof Map<?, ?> spec) {
            spec.remove("volumeName");
        }
        return ContentHash.of(n);
    }

    public static String resourceVersion(Map<String, Object> obj) {
        return obj == null ? null : ObjectMaps.string(obj, "metadata", "resourceVersion");
    }

    /** True when the object is certainly unchanged since the last sync ({@code desiredHash}: of Git's state now). */
    public static boolean unchanged(String desiredHash, ListedObject live, ObjectRecord record) {
        return live != null && record != null && desiredHash.equals(record.desiredHash()) && asRecorded(live, record);
    }

    /**
     * True when the live object is still as the record saw it: the same resourceVersion, or else (only then
     * is the whole object parsed) the same fingerprint. An object whose deletion has begun never is: its
     * fingerprint may not have moved, but it is about to be gone.
     */
    public static boolean asRecorded(ListedObject live, ObjectRecord record) {
        if (live.deleting()) {
            return false;
        }
        String rv = live.resourceVersion();
        if (rv != null && rv.equals(record.resourceVersion())) {
            return true;
        }
        return record.liveHash() != null && record.liveHash().equals(live(live.object()));
    }
}
