package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** As kstatus: a LoadBalancer Service waits for its cluster IP, not for an external address. */
final class ServiceHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> s) {
        if ("LoadBalancer".equals(ObjectMaps.string(s, "spec", "type"))) {
            String ip = ObjectMaps.string(s, "spec", "clusterIP");
            if (ip == null || ip.isEmpty()) {
                return HealthStatus.inProgress("no cluster IP yet");
            }
        }
        return HealthStatus.current();
    }
}
