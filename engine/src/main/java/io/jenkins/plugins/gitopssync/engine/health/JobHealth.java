package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.Objects;
import java.util.Map;

/** Complete is current, Failed fails, a suspended Job is current, otherwise it is running. */
final class JobHealth implements KindHealth {

    @Override
    public HealthStatus assess(Map<String, Object> j) {
        Map<String, Object> failed = Objects.condition(j, "Failed");
        if (failed != null && "True".equals(failed.get("status"))) {
            return HealthStatus.failed("job failed: " + GenericHealth.text(failed));
        }
        Map<String, Object> complete = Objects.condition(j, "Complete");
        if (complete != null && "True".equals(complete.get("status"))) {
            return HealthStatus.current();
        }
        if (Boolean.TRUE.equals(Objects.at(j, "spec", "suspend"))) {
            return HealthStatus.current();
        }
        if (Objects.at(j, "status", "startTime") == null) {
            return HealthStatus.inProgress("not started");
        }
        long succeeded = Objects.number(j, 0, "status", "succeeded");
        long completions = Objects.number(j, 1, "spec", "completions");
        return HealthStatus.inProgress(succeeded + " of " + completions + " completions");
    }
}
