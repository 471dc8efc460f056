package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** Bound is current; Lost fails; anything else waits. */
final class PvcHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> pvc) {
        String phase = ObjectMaps.string(pvc, "status", "phase");
        if ("Bound".equals(phase)) {
            return HealthStatus.current();
        }
        if ("Lost".equals(phase)) {
            return HealthStatus.failed("claim lost its volume");
        }
        return HealthStatus.inProgress("phase " + (phase == null ? "Pending" : phase));
    }
}
