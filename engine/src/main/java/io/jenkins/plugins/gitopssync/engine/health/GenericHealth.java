package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/**
 * Rules every kind shares (as kstatus): being deleted is in progress; a status.observedGeneration
 * behind metadata.generation is in progress; Stalled=True fails; Reconciling=True is in progress; a
 * Ready condition decides; otherwise the object is current.
 */
final class GenericHealth implements KindHealth {

    /** The shared pre-checks; null when they say nothing. */
    static HealthStatus common(Map<String, Object> obj) {
        if (ObjectMaps.at(obj, "metadata", "deletionTimestamp") != null) {
            return HealthStatus.inProgress("being deleted");
        }
        Object observed = ObjectMaps.at(obj, "status", "observedGeneration");
        long generation = ObjectMaps.number(obj, -1, "metadata", "generation");
        if (observed != null && generation >= 0 && ObjectMaps.number(obj, -1, "status", "observedGeneration") < generation) {
            return HealthStatus.inProgress("generation " + generation + " not yet observed by its controller");
        }
        return null;
    }

    @Override
    public HealthStatus assess(Map<String, Object> obj) {
        Condition stalled = Condition.of(obj, "Stalled");
        if (stalled != null && "True".equals(stalled.status())) {
            return HealthStatus.failed("Stalled: " + stalled.text());
        }
        Condition reconciling = Condition.of(obj, "Reconciling");
        if (reconciling != null && "True".equals(reconciling.status())) {
            return HealthStatus.inProgress("Reconciling: " + reconciling.text());
        }
        Condition ready = Condition.of(obj, "Ready");
        if (ready != null && !"True".equals(ready.status())) {
            return HealthStatus.inProgress("not Ready: " + ready.text());
        }
        return HealthStatus.current();
    }
}
