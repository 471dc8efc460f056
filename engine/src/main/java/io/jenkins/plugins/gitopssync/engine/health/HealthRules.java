package io.jenkins.plugins.gitopssync.engine.health;

import java.util.Map;

/** Picks the rule for an object's kind; kinds without one use the generic rule. */
public final class HealthRules {

    private static final Map<String, KindHealth> BY_GROUP_KIND = Map.of(
            "apps/Deployment", new DeploymentHealth(),
            "apps/StatefulSet", new StatefulSetHealth(),
            "apps/DaemonSet", new DaemonSetHealth(),
            "batch/Job", new JobHealth(),
            "/Pod", new PodHealth(),
            "/PersistentVolumeClaim", new PvcHealth(),
            "/Service", new ServiceHealth(),
            "apiextensions.k8s.io/CustomResourceDefinition", new CrdHealth());
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
