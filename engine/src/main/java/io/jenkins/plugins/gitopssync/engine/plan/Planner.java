package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.List;

/**
 * Turns rendered manifests into a {@link Plan}, one record per object through four steps: resolve (kind and
 * namespace, see {@link KindResolver}), sanitize (namespace, server-owned fields, ownership labels, see
 * {@link Sanitizer}), hash (the desired-state hash, see {@link SanitizedObject#hashed}) and order (apply
 * stages, see {@link KindOrder#inApplyOrder}). Validation runs between resolve and sanitize.
 */
public final class Planner {

    /** Extra label naming the ApplySet, for `kubectl get -l` (label values are limited to 63 characters). */
    public static final String APPLYSET_NAME_LABEL = "gitops-sync.jenkins.io/applyset";

    private Planner() {
    }

    public static Plan plan(List<Manifest> manifests, Placement placement, Discovery discovery, SyncLog log) {
        List<ResolvedObject> resolved = KindResolver.resolve(manifests, placement, discovery);
        ManifestValidator.validate(resolved);
        KindResolver.requireServed(resolved, discovery);
        Sanitizer sanitizer = new Sanitizer(placement, log);
        List<SanitizedObject> sanitized = resolved.stream().map(sanitizer::sanitize).toList();
        // hashing is pure per object and most of a large plan's time: done in parallel
        List<PlannedObject> hashed = sanitized.parallelStream().map(SanitizedObject::hashed).toList();
        return new Plan(KindOrder.inApplyOrder(hashed));
    }
}
