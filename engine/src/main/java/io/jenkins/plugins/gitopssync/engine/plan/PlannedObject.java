package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.Map;

/**
 * One object to apply: its identity, how the API serves it, the desired object (namespace and ownership
 * labels set), where it came from ("file:line"), the hash of its normalized desired state, its kind's stage
 * and its sync wave.
 */
public record PlannedObject(ObjectRef ref, ResourceInfo resource, Map<String, Object> desired, String source,
                            String desiredHash, int stage, int wave) {

    /** In wave 0. */
    public PlannedObject(ObjectRef ref, ResourceInfo resource, Map<String, Object> desired, String source,
                         String desiredHash, int stage) {
        this(ref, resource, desired, source, desiredHash, stage, 0);
    }

    /** "Deployment/shop/web from apps/web.yaml:3", for messages. */
    public String describe() {
        return ref + " from " + source;
    }
}
