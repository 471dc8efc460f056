package io.jenkins.plugins.gitopssync.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.health.HealthStatus.State;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HealthRulesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("rolled out", "apps", "Deployment", deployment(2, 2, 2, 2, 2, null), State.CURRENT, ""),
                Arguments.of("not available", "apps", "Deployment", deployment(2, 2, 2, 2, 0, null), State.IN_PROGRESS,
                        "0 of 2 replicas available"),
                Arguments.of("not updated", "apps", "Deployment", deployment(3, 1, 1, 1, 1, null), State.IN_PROGRESS,
                        "1 of 3 replicas updated"),
                Arguments.of("deadline", "apps", "Deployment", deployment(2, 2, 2, 0, 0, "ProgressDeadlineExceeded"),
                        State.FAILED, "progress deadline exceeded"),
                Arguments.of("generation not observed", "apps", "Deployment", Map.of("metadata", Map.of("generation", 3),
                        "status", Map.of("observedGeneration", 2)), State.IN_PROGRESS, "generation 3 not yet observed"),
                Arguments.of("job complete", "batch", "Job", Map.of("status", Map.of("conditions",
                        List.of(Map.of("type", "Complete", "status", "True")))), State.CURRENT, ""),
                Arguments.of("job failed", "batch", "Job", Map.of("status", Map.of("conditions",
                        List.of(Map.of("type", "Failed", "status", "True", "reason", "BackoffLimitExceeded")))),
                        State.FAILED, "BackoffLimitExceeded"),
                Arguments.of("crash loop", "", "Pod", Map.of("status", Map.of("phase", "Running", "containerStatuses",
                        List.of(Map.of("name", "app", "state", Map.of("waiting", Map.of("reason", "CrashLoopBackOff")))))),
                        State.FAILED, "container app is CrashLoopBackOff"),
                Arguments.of("pod ready", "", "Pod", Map.of("status", Map.of("phase", "Running", "conditions",
                        List.of(Map.of("type", "Ready", "status", "True")))), State.CURRENT, ""),
                Arguments.of("pvc pending", "", "PersistentVolumeClaim", Map.of("status", Map.of("phase", "Pending")),
                        State.IN_PROGRESS, "phase Pending"),
                Arguments.of("pvc bound", "", "PersistentVolumeClaim", Map.of("status", Map.of("phase", "Bound")),
                        State.CURRENT, ""),
                Arguments.of("crd established", "apiextensions.k8s.io", "CustomResourceDefinition", Map.of("status",
                        Map.of("conditions", List.of(Map.of("type", "Established", "status", "True")))), State.CURRENT, ""),
                Arguments.of("statefulset not ready", "apps", "StatefulSet", Map.of("spec", Map.of("replicas", 3),
                        "status", Map.of("readyReplicas", 1)), State.IN_PROGRESS, "1 of 3 replicas ready"),
                Arguments.of("daemonset unavailable", "apps", "DaemonSet", Map.of("status", Map.of("observedGeneration", 1,
                        "desiredNumberScheduled", 3, "updatedNumberScheduled", 3, "numberAvailable", 2)),
                        State.IN_PROGRESS, "2 of 3 pods available"),
                Arguments.of("custom resource stalled", "example.com", "Widget", Map.of("status", Map.of("conditions",
                        List.of(Map.of("type", "Stalled", "status", "True", "reason", "Broken")))), State.FAILED, "Broken"),
                Arguments.of("custom resource not ready", "example.com", "Widget", Map.of("status", Map.of("conditions",
                        List.of(Map.of("type", "Ready", "status", "False")))), State.IN_PROGRESS, "not Ready"),
                Arguments.of("apiservice unavailable", "apiregistration.k8s.io", "APIService", Map.of("status",
                        Map.of("conditions", List.of(Map.of("type", "Available", "status", "False",
                                "reason", "MissingEndpoints", "message", "endpoints for service/metrics not found")))),
                        State.IN_PROGRESS, "not Available: MissingEndpoints: endpoints for service/metrics not found"),
                Arguments.of("apiservice without conditions", "apiregistration.k8s.io", "APIService", Map.of("spec",
                        Map.of("group", "metrics.k8s.io")), State.IN_PROGRESS, "no Available condition yet"),
                Arguments.of("apiservice available", "apiregistration.k8s.io", "APIService", Map.of("status",
                        Map.of("conditions", List.of(Map.of("type", "Available", "status", "True")))), State.CURRENT, ""),
                Arguments.of("replicaset not available", "apps", "ReplicaSet", Map.of("spec", Map.of("replicas", 3),
                        "status", Map.of("replicas", 3, "readyReplicas", 3, "availableReplicas", 1)),
                        State.IN_PROGRESS, "1 of 3 replicas available"),
                Arguments.of("replicaset failing", "apps", "ReplicaSet", Map.of("spec", Map.of("replicas", 1),
                        "status", Map.of("conditions", List.of(Map.of("type", "ReplicaFailure", "status", "True",
                                "reason", "FailedCreate", "message", "exceeded quota")))),
                        State.FAILED, "FailedCreate: exceeded quota"),
                Arguments.of("replicaset ready", "apps", "ReplicaSet", Map.of("spec", Map.of("replicas", 2),
                        "status", Map.of("replicas", 2, "readyReplicas", 2, "availableReplicas", 2)), State.CURRENT, ""),
                Arguments.of("config map", "", "ConfigMap", Map.of("data", Map.of()), State.CURRENT, ""),
                Arguments.of("being deleted", "", "ConfigMap", Map.of("metadata", Map.of("deletionTimestamp", "now")),
                        State.IN_PROGRESS, "being deleted"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assess(String name, String group, String kind, Map<String, Object> obj, State state, String message) {
        HealthStatus s = HealthRules.assess(group, kind, obj);
        assertThat(s.state()).isEqualTo(state);
        assertThat(s.message()).contains(message);
    }

    private static Map<String, Object> deployment(int want, int replicas, int updated, int ready, int available,
                                                  String progressingReason) {
        Map<String, Object> status = new java.util.HashMap<>(Map.of("replicas", replicas, "updatedReplicas", updated,
                "readyReplicas", ready, "availableReplicas", available));
        if (progressingReason != null) {
            status.put("conditions", List.of(Map.of("type", "Progressing", "status", "False", "reason", progressingReason)));
        }
        return Map.of("spec", Map.of("replicas", want), "status", status);
    }
}
