package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** Scheduled on every eligible node, updated and available there. */
final class DaemonSetHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> d) {
        if (ObjectMaps.at(d, "status", "observedGeneration") == null) {
            return HealthStatus.inProgress("not yet observed by its controller");
        }
        if ("OnDelete".equals(ObjectMaps.string(d, "spec", "updateStrategy", "type"))) {
            return HealthStatus.current();
        }
        long desired = ObjectMaps.number(d, 0, "status", "desiredNumberScheduled");
        long updated = ObjectMaps.number(d, 0, "status", "updatedNumberScheduled");
        long available = ObjectMaps.number(d, 0, "status", "numberAvailable");
        long ready = ObjectMaps.number(d, 0, "status", "numberReady");
        if (updated < desired) {
            return HealthStatus.inProgress(updated + " of " + desired + " pods updated");
        }
        if (available < desired) {
            return HealthStatus.inProgress(available + " of " + desired + " pods available");
        }
        if (ready < desired) {
            return HealthStatus.inProgress(ready + " of " + desired + " pods ready");
        }
        return HealthStatus.current();
    }
}
