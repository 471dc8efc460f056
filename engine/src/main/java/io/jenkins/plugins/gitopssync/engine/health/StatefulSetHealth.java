package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** Every replica ready and on the update revision (OnDelete sets are current once observed). */
final class StatefulSetHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> s) {
        if ("OnDelete".equals(ObjectMaps.string(s, "spec", "updateStrategy", "type"))) {
            return HealthStatus.current();
        }
        long want = ObjectMaps.number(s, 1, "spec", "replicas");
        long ready = ObjectMaps.number(s, 0, "status", "readyReplicas");
        long current = ObjectMaps.number(s, 0, "status", "currentReplicas");
        long updated = ObjectMaps.number(s, 0, "status", "updatedReplicas");
        long partition = ObjectMaps.number(s, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
        if (ready < want) {
            return HealthStatus.inProgress(ready + " of " + want + " replicas ready");
        }
        if (partition > 0) {
            return updated < want - partition
                    ? HealthStatus.inProgress(updated + " of " + (want - partition) + " replicas updated (partitioned)")
                    : HealthStatus.current();
        }
        String cur = ObjectMaps.string(s, "status", "currentRevision");
        String upd = ObjectMaps.string(s, "status", "updateRevision");
        if (upd != null && !upd.equals(cur)) {
            return HealthStatus.inProgress(updated + " of " + want + " replicas on revision " + upd);
        }
        if (current < want && upd == null) {
            return HealthStatus.inProgress(current + " of " + want + " replicas current");
        }
        return HealthStatus.current();
    }
}
