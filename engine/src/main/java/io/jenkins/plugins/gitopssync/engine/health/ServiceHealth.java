package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.Objects;
import java.util.Map;

/** As kstatus: a LoadBalancer Service waits for its cluster IP, not for an external address. */
final class ServiceHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> s) {
        if ("LoadBalancer".equals(Objects.string(s, "spec", "type"))) {
            String ip = Objects.string(s, "spec", "clusterIP");
            if (ip == null || ip.isEmpty()) {
                return HealthStatus.inProgress("no cluster IP yet");
            }
        }
        return HealthStatus.current();
    }
}
