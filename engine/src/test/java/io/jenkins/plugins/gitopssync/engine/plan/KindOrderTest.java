package io.jenkins.plugins.gitopssync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KindOrderTest {

    @ParameterizedTest(name = "{0}/{1} -> stage {2}")
    @CsvSource({
            "apiextensions.k8s.io, CustomResourceDefinition, 0",
            "'', Namespace, 0",
            "rbac.authorization.k8s.io, ClusterRole, 0",
            "storage.k8s.io, StorageClass, 1",
            "networking.k8s.io, IngressClass, 1",
            "scheduling.k8s.io, PriorityClass, 1",
            "node.k8s.io, RuntimeClass, 1",
            "gateway.networking.k8s.io, GatewayClass, 1",
            "rbac.authorization.k8s.io, ClusterRoleBinding, 2",
            "'', ConfigMap, 2",
            "apps, Deployment, 2",
            "example.com, Namespace, 2",
            "example.com, Widget, 2",
            "admissionregistration.k8s.io, ValidatingWebhookConfiguration, 2",
    })
    void stages(String group, String kind, int stage) {
        assertThat(KindOrder.stageOf(group, kind)).isEqualTo(stage);
    }

    @Test
    void orderIsStageThenKindRankThenIdentity() {
        List<ObjectRef> expected = List.of(
                new ObjectRef("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "", "widgets.example.com"),
                new ObjectRef("", "v1", "Namespace", "", "a"),
                new ObjectRef("", "v1", "Namespace", "", "b"),
                new ObjectRef("rbac.authorization.k8s.io", "v1", "ClusterRole", "", "reader"),
                new ObjectRef("networking.k8s.io", "v1", "IngressClass", "", "nginx"),
                new ObjectRef("storage.k8s.io", "v1", "StorageClass", "", "fast"),
                new ObjectRef("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "", "reader"),
                new ObjectRef("", "v1", "ServiceAccount", "a", "app"),
                new ObjectRef("rbac.authorization.k8s.io", "v1", "Role", "a", "app"),
                new ObjectRef("rbac.authorization.k8s.io", "v1", "RoleBinding", "a", "app"),
                new ObjectRef("", "v1", "ConfigMap", "a", "settings"),
                new ObjectRef("", "v1", "ConfigMap", "b", "settings"),
                new ObjectRef("", "v1", "Secret", "a", "creds"),
                new ObjectRef("", "v1", "Service", "a", "web"),
                new ObjectRef("apps", "v1", "Deployment", "a", "web"),
                new ObjectRef("apps", "v1", "StatefulSet", "a", "db"),
                new ObjectRef("batch", "v1", "CronJob", "a", "nightly"),
                new ObjectRef("policy", "v1", "PodDisruptionBudget", "a", "web"),
                new ObjectRef("networking.k8s.io", "v1", "Ingress", "a", "web"),
                new ObjectRef("example.com", "v1", "Gadget", "a", "g"),
                new ObjectRef("example.com", "v1", "Widget", "a", "w"),
                new ObjectRef("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "", "m"),
                new ObjectRef("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "", "v"));
        for (long seed = 0; seed < 5; seed++) {
            List<ObjectRef> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.sort(KindOrder.order());
            assertThat(shuffled).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void pruneOrderIsTheReverse() {
        List<ObjectRef> refs = new ArrayList<>(List.of(
                new ObjectRef("apps", "v1", "Deployment", "a", "web"),
                new ObjectRef("", "v1", "Namespace", "", "a")));
        refs.sort(KindOrder.order().reversed());
        assertThat(refs.get(0).kind()).isEqualTo("Deployment");
    }
}
