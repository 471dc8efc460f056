package io.jenkins.plugins.gitopssync.engine.inventory;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;

/**
 * What the engine remembers about one applied object: the hash of the desired state it applied, and
 * the object's resourceVersion and normalized-content hash right after the apply. Together they let
 * the next sync call the object unchanged without a dry run.
 */
public record ObjectRecord(String group, String version, String kind, String namespace, String name,
                           String desiredHash, String resourceVersion, String liveHash) {

    public static ObjectRecord of(ObjectRef ref, String desiredHash, String resourceVersion, String liveHash) {
        return new ObjectRecord(ref.group(), ref.version(), ref.kind(), ref.namespace(), ref.name(), desiredHash,
                resourceVersion, liveHash);
    }

    public ObjectRef ref() {
        return new ObjectRef(group, version, kind, namespace, name);
    }
}
