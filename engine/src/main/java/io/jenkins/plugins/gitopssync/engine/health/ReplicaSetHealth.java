package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** Every replica ready and available; a ReplicaFailure (quota, admission) fails, as kstatus and Argo CD rule. */
final class ReplicaSetHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> rs) {
        Map<String, Object> failure = ObjectMaps.condition(rs, "ReplicaFailure");
        if (failure != null && "True".equals(failure.get("status"))) {
            return HealthStatus.failed("ReplicaFailure: " + GenericHealth.text(failure));
        }
        long want = ObjectMaps.number(rs, 1, "spec", "replicas");
        long ready = ObjectMaps.number(rs, 0, "status", "readyReplicas");
        long available = ObjectMaps.number(rs, 0, "status", "availableReplicas");
        if (ready < want) {
            return HealthStatus.inProgress(ready + " of " + want + " replicas ready");
        }
        if (available < want) {
            return HealthStatus.inProgress(available + " of " + want + " replicas available");
        }
        return HealthStatus.current();
    }
}
