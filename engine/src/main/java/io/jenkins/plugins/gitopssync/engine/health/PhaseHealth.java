package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.List;
import java.util.Map;

/** The kinds whose status.phase says when they are done or lost for good: Pods and PersistentVolumeClaims. */
final class PhaseHealth {

    private PhaseHealth() {
    }

    /** Running and Ready, or Succeeded; a crash loop, image pull back-off or Failed phase fails. */
    static HealthStatus pod(Map<String, Object> p) {
        String phase = ObjectMaps.string(p, "status", "phase");
        String reason = ObjectMaps.string(p, "status", "reason");
        HealthStatus settled = settled(phase, "Succeeded", "Failed", "pod failed" + (reason == null ? "" : ": " + reason));
        if (settled != null) {
            return settled;
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
        Condition scheduled = Condition.of(p, "PodScheduled");
        if (scheduled != null && "False".equals(scheduled.status())) {
            return HealthStatus.inProgress("not scheduled: " + scheduled.text());
        }
        if ("Running".equals(phase) && Condition.has(p, "Ready", "True")) {
            return HealthStatus.current();
        }
        return HealthStatus.inProgress("phase " + (phase == null ? "unknown" : phase) + ", not ready");
    }

    /** Bound is current; Lost fails; anything else waits. */
    static HealthStatus pvc(Map<String, Object> pvc) {
        String phase = ObjectMaps.string(pvc, "status", "phase");
        HealthStatus settled = settled(phase, "Bound", "Lost", "claim lost its volume");
        return settled != null ? settled : HealthStatus.inProgress("phase " + (phase == null ? "Pending" : phase));
    }

    /** Current in the phase that means done, failed in the one that means lost for good; null in any other. */
    private static HealthStatus settled(String phase, String done, String lost, String whyLost) {
        if (done.equals(phase)) {
            return HealthStatus.current();
        }
        return lost.equals(phase) ? HealthStatus.failed(whyLost) : null;
    }
}
