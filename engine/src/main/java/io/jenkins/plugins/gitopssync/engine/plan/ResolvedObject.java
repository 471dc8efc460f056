package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.Map;
import java.util.Optional;

/**
 * One rendered object after the resolve step: as a map, the API resource that serves its kind (empty: none
 * does) and the namespace it goes to ("" for a cluster-scoped kind).
 */
record ResolvedObject(Manifest manifest, Map<String, Object> object, Optional<ResourceInfo> resource,
                      String namespace) {

    String source() {
        return manifest.location();
    }

    String kind() {
        return String.valueOf(object.get("kind"));
    }

    String apiVersion() {
        return String.valueOf(object.get("apiVersion"));
    }

    /** "Job/shop/migrate", or "Job/shop/migrate-*" for a hook with a generated name, for messages. */
    String displayName() {
        String name = ObjectMaps.string(object, "metadata", "name");
        String shown = name == null || name.isBlank() ? ObjectMaps.string(object, "metadata", "generateName") + "*" : name;
        return ObjectRef.displayName(kind(), namespace, shown);
    }

    /** Its place in the sync; only after validation, which reports annotations that do not read. */
    PhaseSpec phaseSpec() {
        return PhaseAnnotations.read(ObjectMaps.stringMap(object, "annotations"));
    }
}
