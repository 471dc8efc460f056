package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.List;
import java.util.Map;

/** Running and Ready, or Succeeded; a crash loop, image pull back-off or Failed phase fails. */
final class PodHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> p) {
        String phase = ObjectMaps.string(p, "status", "phase");
        if ("Succeeded".equals(phase)) {
            return HealthStatus.current();
        }
        if ("Failed".equals(phase)) {
            return HealthStatus.failed("pod failed" + reason(p));
        }
        if (ObjectMaps.at(p, "status", "containerStatuses") instanceof List<?> statuses) {
            for (Object o : statuses) {
                if (o instanceof Map<?, ?> cs && cs.get("state") instanceof Map<?, ?> state
                        && state.get("waiting") instanceof Map<?, ?> waiting) {
                    String r = String.valueOf(waiting.get("reason"));
                    if (r.endsWith("BackOff") || r.startsWith("Err") || r.endsWith("Error")) {
                        return HealthStatus.failed("container " + cs.get("name") + " is " + r);
                    }
                }
            }
        }
        Map<String, Object> scheduled = ObjectMaps.condition(p, "PodScheduled");
        if (scheduled != null && "False".equals(scheduled.get("status"))) {
            return HealthStatus.inProgress("not scheduled: " + GenericHealth.text(scheduled));
        }
        Map<String, Object> ready = ObjectMaps.condition(p, "Ready");
        if ("Running".equals(phase) && ready != null && "True".equals(ready.get("status"))) {
            return HealthStatus.current();
        }
        return HealthStatus.inProgress("phase " + (phase == null ? "unknown" : phase) + ", not ready");
    }

    private static String reason(Map<String, Object> p) {
        String r = ObjectMaps.string(p, "status", "reason");
        return r == null ? "" : ": " + r;
    }
}
