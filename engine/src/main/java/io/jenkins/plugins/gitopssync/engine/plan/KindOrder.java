package io.jenkins.plugins.gitopssync.engine.plan;

import java.util.Comparator;

/**
 * Apply order. Stage 0: CustomResourceDefinitions, Namespaces, ClusterRoles (then CRDs must be
 * Established); stage 1: *Class kinds (StorageClass, IngressClass, PriorityClass, RuntimeClass...);
 * stage 2: everything else. Inside a stage: a fixed kind rank (ServiceAccount, Role, ConfigMap,
 * Secret, Service before workloads; webhooks last; unknown kinds after known ones), then
 * group/kind/namespace/name. Prune uses the reverse order.
 */
public final class KindOrder {

    public static final int STAGE_CLUSTER = 0;
    public static final int STAGE_CLASSES = 1;
    public static final int STAGE_REST = 2;

    private KindOrder() {
    }

    public static int stageOf(String group, String kind) {
        throw new UnsupportedOperationException("not yet built");
    }

    public static Comparator<ObjectRef> order() {
        throw new UnsupportedOperationException("not yet built");
    }
}
