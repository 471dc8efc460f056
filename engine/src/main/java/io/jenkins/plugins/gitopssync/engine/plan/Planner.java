package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rendered manifests into a {@link Plan}, one record per object through four steps: resolve (kind and
 * namespace, see {@link KindResolver}), sanitize (namespace, server-owned fields, ownership labels, see
 * {@link Sanitizer}), hash (the desired-state hash, see {@link SanitizedObject#hashed}) and order (wave and
 * apply stage, see {@link KindOrder#inApplyOrder}). Validation runs between resolve and sanitize; the phase
 * annotations ({@link PhaseAnnotations}) make an object a member in a wave, a hook, or leave it out.
 */
public final class Planner {

    /** Extra label naming the ApplySet, for `kubectl get -l` (label values are limited to 63 characters). */
    public static final String APPLYSET_NAME_LABEL = "gitops-sync.jenkins.io/applyset";

    private Planner() {
    }

    public static Plan plan(List<Manifest> manifests, Placement placement, Discovery discovery, SyncLog log) {
        List<ResolvedObject> resolved = KindResolver.resolve(manifests, placement, discovery);
        ManifestValidator.validate(resolved);
        List<ResolvedObject> kept = new ArrayList<>(resolved.size());
        List<PhaseSpec> specs = new ArrayList<>(resolved.size());
        for (ResolvedObject r : resolved) {
            PhaseSpec spec = r.phaseSpec();
            if (spec.role() == PhaseSpec.Role.LEFT_OUT) {
                log.info("left out " + r.displayName() + " from " + r.source() + ": " + spec.leftOut());
            } else {
                kept.add(r);
                specs.add(spec);
            }
        }
        KindResolver.requireServed(kept, discovery);
        Sanitizer sanitizer = new Sanitizer(placement, log);
        List<SanitizedObject> members = new ArrayList<>(kept.size());
        List<PlannedHook> hooks = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            if (specs.get(i).isHook()) {
                hooks.addAll(sanitizer.hooks(kept.get(i), specs.get(i)));
            } else {
                members.add(sanitizer.sanitize(kept.get(i), specs.get(i).wave()));
            }
        }
        // hashing is pure per object and most of a large plan's time: done in parallel
        List<PlannedObject> hashed = members.parallelStream().map(SanitizedObject::hashed).toList();
        return new Plan(KindOrder.inApplyOrder(hashed), hooks);
    }
}
