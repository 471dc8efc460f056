package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** Complete is current, Failed fails, a suspended Job is current, otherwise it is running. */
final class JobHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> j) {
        Map<String, Object> failed = ObjectMaps.condition(j, "Failed");
        if (failed != null && "True".equals(failed.get("status"))) {
            return HealthStatus.failed("job failed: " + GenericHealth.text(failed));
        }
        Map<String, Object> complete = ObjectMaps.condition(j, "Complete");
        if (complete != null && "True".equals(complete.get("status"))) {
            return HealthStatus.current();
        }
        if (Boolean.TRUE.equals(ObjectMaps.at(j, "spec", "suspend"))) {
            return HealthStatus.current();
        }
        if (ObjectMaps.at(j, "status", "startTime") == null) {
            return HealthStatus.inProgress("not started");
        }
        long succeeded = ObjectMaps.number(j, 0, "status", "succeeded");
        long completions = ObjectMaps.number(j, 1, "spec", "completions");
        return HealthStatus.inProgress(succeeded + " of " + completions + " completions");
    }
}
