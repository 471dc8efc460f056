package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    /** "group/Kind" of the kinds that must exist before anything else can be applied. */
    private static final List<String> CLUSTER_STAGE = List.of(
            "apiextensions.k8s.io/CustomResourceDefinition",
            "/Namespace",
            "rbac.authorization.k8s.io/ClusterRole");

    /**
     * Ranks inside a stage: what others reference comes first (RBAC, quotas, config, storage,
     * services), then workloads, then what routes to them. Admission webhooks go last so that a
     * webhook whose backend is in the same set cannot block the rest of the set.
     */
    private static final List<String> RANKED = List.of(
            "apiextensions.k8s.io/CustomResourceDefinition",
            "/Namespace",
            "rbac.authorization.k8s.io/ClusterRole",
            "*Class",
            "rbac.authorization.k8s.io/ClusterRoleBinding",
            "/ResourceQuota",
            "/LimitRange",
            "/ServiceAccount",
            "rbac.authorization.k8s.io/Role",
            "rbac.authorization.k8s.io/RoleBinding",
            "networking.k8s.io/NetworkPolicy",
            "/ConfigMap",
            "/Secret",
            "/PersistentVolume",
            "/PersistentVolumeClaim",
            "/Service",
            "/Endpoints",
            "discovery.k8s.io/EndpointSlice",
            "apps/DaemonSet",
            "apps/Deployment",
            "apps/ReplicaSet",
            "apps/StatefulSet",
            "/Pod",
            "/ReplicationController",
            "batch/Job",
            "batch/CronJob",
            "autoscaling/HorizontalPodAutoscaler",
            "policy/PodDisruptionBudget",
            "networking.k8s.io/Ingress",
            "apiregistration.k8s.io/APIService",
            "*",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
            "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
            "admissionregistration.k8s.io/MutatingWebhookConfiguration",
            "admissionregistration.k8s.io/ValidatingWebhookConfiguration");

    private static final Map<String, Integer> RANK = IntStream.range(0, RANKED.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(RANKED::get, Function.identity()));
    private static final int CLASS_RANK = RANK.get("*Class");
    private static final int UNKNOWN_RANK = RANK.get("*");

    private static final Comparator<ObjectRef> ORDER = Comparator
            .comparingInt((ObjectRef r) -> stageOf(r.group(), r.kind()))
            .thenComparingInt(r -> rankOf(r.group(), r.kind()))
            .thenComparing(ObjectRef::group)
            .thenComparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace)
            .thenComparing(ObjectRef::name);

    private KindOrder() {
    }

    public static int stageOf(String group, String kind) {
        String key = (group == null ? "" : group) + "/" + kind;
        if (CLUSTER_STAGE.contains(key)) {
            return STAGE_CLUSTER;
        }
        if (isClassKind(kind)) {
            return STAGE_CLASSES;
        }
        return STAGE_REST;
    }

    public static Comparator<ObjectRef> order() {
        return ORDER;
    }

    /** The order step of the planner: the objects sorted by wave, then stage, then by {@link #order()}. */
    static List<PlannedObject> inApplyOrder(List<PlannedObject> objects) {
        List<PlannedObject> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparingInt(PlannedObject::wave).thenComparingInt(PlannedObject::stage)
                .thenComparing(PlannedObject::ref, ORDER));
        return sorted;
    }

    /** Position of a kind inside its stage; lower first. */
    static int rankOf(String group, String kind) {
        Integer rank = RANK.get((group == null ? "" : group) + "/" + kind);
        if (rank != null) {
            return rank;
        }
        return isClassKind(kind) ? CLASS_RANK : UNKNOWN_RANK;
    }

    private static boolean isClassKind(String kind) {
        return kind != null && kind.length() > "Class".length() && kind.endsWith("Class");
    }
}
