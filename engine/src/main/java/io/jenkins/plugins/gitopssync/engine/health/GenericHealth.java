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
        Map<String, Object> stalled = ObjectMaps.condition(obj, "Stalled");
        if (stalled != null && "True".equals(stalled.get("status"))) {
            return HealthStatus.failed("Stalled: " + text(stalled));
        }
        Map<String, Object> reconciling = ObjectMaps.condition(obj, "Reconciling");
        if (reconciling != null && "True".equals(reconciling.get("status"))) {
            return HealthStatus.inProgress("Reconciling: " + text(reconciling));
        }
        Map<String, Object> ready = ObjectMaps.condition(obj, "Ready");
        if (ready != null && !"True".equals(ready.get("status"))) {
            return HealthStatus.inProgress("not Ready: " + text(ready));
        }
        return HealthStatus.current();
    }

    static String text(Map<String, Object> condition) {
        Object reason = condition.get("reason");
        Object message = condition.get("message");
        return (reason == null ? "" : reason + (message == null ? "" : ": ")) + (message == null ? "" : message);
    }
}
