package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** Rolled out: every replica updated, ready and available; a passed progress deadline fails. */
final class DeploymentHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> d) {
        Map<String, Object> progressing = ObjectMaps.condition(d, "Progressing");
        if (progressing != null && "ProgressDeadlineExceeded".equals(progressing.get("reason"))) {
            return HealthStatus.failed("progress deadline exceeded: " + GenericHealth.text(progressing));
        }
        if (Boolean.TRUE.equals(ObjectMaps.at(d, "spec", "paused"))) {
            return HealthStatus.current();
        }
        long want = ObjectMaps.number(d, 1, "spec", "replicas");
        long updated = ObjectMaps.number(d, 0, "status", "updatedReplicas");
        long total = ObjectMaps.number(d, 0, "status", "replicas");
        long ready = ObjectMaps.number(d, 0, "status", "readyReplicas");
        long available = ObjectMaps.number(d, 0, "status", "availableReplicas");
        if (updated < want) {
            return HealthStatus.inProgress(updated + " of " + want + " replicas updated");
        }
        if (total > updated) {
            return HealthStatus.inProgress((total - updated) + " old replicas pending termination");
        }
        if (ready < want) {
            return HealthStatus.inProgress(ready + " of " + want + " replicas ready");
        }
        if (available < want) {
            return HealthStatus.inProgress(available + " of " + want + " replicas available");
        }
        return HealthStatus.current();
    }
}
