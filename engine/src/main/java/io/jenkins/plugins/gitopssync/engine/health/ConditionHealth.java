package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/** The kinds whose own status conditions say when they are done: Jobs, CRDs and aggregated APIs. */
final class ConditionHealth {

    private ConditionHealth() {
    }

    /** Complete is current, Failed fails, a suspended Job is current, otherwise it is running. */
    static HealthStatus job(Map<String, Object> j) {
        Condition failed = Condition.of(j, "Failed");
        if (failed != null && "True".equals(failed.status())) {
            return HealthStatus.failed("job failed: " + failed.text());
        }
        if (Condition.has(j, "Complete", "True") || Boolean.TRUE.equals(ObjectMaps.at(j, "spec", "suspend"))) {
            return HealthStatus.current();
        }
        if (ObjectMaps.at(j, "status", "startTime") == null) {
            return HealthStatus.inProgress("not started");
        }
        long succeeded = ObjectMaps.number(j, 0, "status", "succeeded");
        long completions = ObjectMaps.number(j, 1, "spec", "completions");
        return HealthStatus.inProgress(succeeded + " of " + completions + " completions");
    }

    /** Established is current; names not accepted fails. */
    static HealthStatus crd(Map<String, Object> crd) {
        Condition names = Condition.of(crd, "NamesAccepted");
        if (names != null && "False".equals(names.status())) {
            return HealthStatus.failed("names not accepted: " + names.text());
        }
        return Condition.has(crd, "Established", "True") ? HealthStatus.current()
                : HealthStatus.inProgress("not yet Established");
    }

    /**
     * An aggregated API: current once Available; until then in progress with the reason (its backend has no
     * endpoints, fails discovery...), as Argo CD rules. Never failed by itself: a backend that is still
     * starting looks the same, so the timeout decides.
     */
    static HealthStatus apiService(Map<String, Object> apiService) {
        Condition available = Condition.of(apiService, "Available");
        if (available == null) {
            return HealthStatus.inProgress("no Available condition yet");
        }
        return "True".equals(available.status()) ? HealthStatus.current()
                : HealthStatus.inProgress("not Available: " + available.text());
    }
}
