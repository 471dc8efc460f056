package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/**
 * An aggregated API: current once Available; until then in progress with the reason (its backend has no
 * endpoints, fails discovery...), as Argo CD rules. Never failed by itself: a backend that is still
 * starting looks the same, so the timeout decides.
 */
final class ApiServiceHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> apiService) {
        Map<String, Object> available = ObjectMaps.condition(apiService, "Available");
        if (available == null) {
            return HealthStatus.inProgress("no Available condition yet");
        }
        if ("True".equals(available.get("status"))) {
            return HealthStatus.current();
        }
        return HealthStatus.inProgress("not Available: " + GenericHealth.text(available));
    }
}
