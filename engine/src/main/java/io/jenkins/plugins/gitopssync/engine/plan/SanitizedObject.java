package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.diff.ContentHash;
import io.jenkins.plugins.gitopssync.engine.diff.Normalizer;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.Map;

/** One member after the sanitize step: its identity, the object as it will be applied, and its wave. */
record SanitizedObject(ObjectRef ref, ResourceInfo resource, Map<String, Object> desired, String source, int wave) {

    /** The hash step: the hash of the normalized desired state, and the apply stage of its kind. */
    PlannedObject hashed() {
        return new PlannedObject(ref, resource, desired, source, ContentHash.of(Normalizer.normalize(desired)),
                KindOrder.stageOf(ref.group(), ref.kind()), wave);
    }
}
