package io.jenkins.plugins.gitopssync.engine.health;

import java.util.Map;

/**
 * Picks the rule for an object's kind; kinds without one use the generic rule. The kinds are those kstatus
 * and Argo CD have rules for, except where they disagree with each other and the cluster can stay that way
 * for good: Ingress (Argo CD waits for a load balancer address, kstatus does not) and HorizontalPodAutoscaler
 * (unhealthy without a metrics server) are generic, as in kstatus; PodDisruptionBudget, CronJob, ConfigMap
 * and Secret are current once they exist.
 */
public final class HealthRules {

    private static final Map<String, KindHealth> BY_GROUP_KIND = Map.of(
            "apps/Deployment", RolloutHealth::deployment,
            "apps/StatefulSet", RolloutHealth::statefulSet,
            "apps/DaemonSet", RolloutHealth::daemonSet,
            "apps/ReplicaSet", RolloutHealth::replicaSet,
            "batch/Job", ConditionHealth::job,
            "apiextensions.k8s.io/CustomResourceDefinition", ConditionHealth::crd,
            "apiregistration.k8s.io/APIService", ConditionHealth::apiService,
            "/Pod", PhaseHealth::pod,
            "/PersistentVolumeClaim", PhaseHealth::pvc,
            "/Service", new ServiceHealth());
    private static final KindHealth GENERIC = new GenericHealth();

    private HealthRules() {
    }

    public static HealthStatus assess(String group, String kind, Map<String, Object> live) {
        if (live == null) {
            return HealthStatus.inProgress("not found");
        }
        HealthStatus common = GenericHealth.common(live);
        if (common != null) {
            return common;
        }
        return BY_GROUP_KIND.getOrDefault(group + "/" + kind, GENERIC).assess(live);
    }
}
