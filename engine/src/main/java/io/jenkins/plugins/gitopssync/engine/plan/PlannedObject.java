package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.Map;

/**
 * One object to apply: its identity, how the API serves it, the desired object (namespace and ownership
 * labels set), where it came from ("file:line"), the hash of its normalized desired state, and its stage.
 */
public record PlannedObject(ObjectRef ref, ResourceInfo resource, Map<String, Object> desired, String source,
                            String desiredHash, int stage) {

    /** "Deployment/shop/web from apps/web.yaml:3", for messages. */
    public String describe() {
        return ref + " from " + source;
    }
}
