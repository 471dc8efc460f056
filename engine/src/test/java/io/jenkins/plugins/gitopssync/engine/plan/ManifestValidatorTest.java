package io.jenkins.plugins.gitopssync.engine.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestValidatorTest {

    private static Manifest manifest(String apiVersion, String kind, String namespace, String name, String file, int line) {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion(apiVersion);
        object.setKind(kind);
        object.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        return new Manifest(object, file, line);
    }

    @Test
    void validSetPasses() {
        List<Manifest> manifests = List.of(
                manifest("v1", "ConfigMap", null, "a", "a.yaml", 1),
                manifest("v1", "ConfigMap", null, "a", "b.yaml", 1),
                manifest("apps/v1", "Deployment", null, "a", "c.yaml", 1),
                manifest("v1", "Namespace", null, "a", "d.yaml", 1));

        // same name in two namespaces, or as other kinds, is not a duplicate
        assertThatCode(() -> ManifestValidator.validate(manifests, List.of("one", "two", "one", "")))
                .doesNotThrowAnyException();
    }

    @Test
    void everyProblemIsListedWithItsLocation() {
        List<Manifest> manifests = List.of(
                manifest("v1", null, null, "no-kind", "apps/a.yaml", 3),
                manifest("v1", "ConfigMap", null, null, "apps/a.yaml", 12),
                manifest(null, "Service", "web", "svc", "apps/b.yaml", 1),
                manifest("v1", "ConfigMap", "web", "settings", "apps/c.yaml", 5),
                manifest("v1", "ConfigMap", null, "settings", "apps/d.yaml", 20));

        assertThatThrownBy(() -> ManifestValidator.validate(manifests, List.of("web", "web", "web", "web", "web")))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("4 problems in the manifests:")
                .hasMessageContaining("apps/a.yaml:3: ?/web/no-kind: missing kind")
                .hasMessageContaining("apps/a.yaml:12: ConfigMap/web/?: missing metadata.name")
                .hasMessageContaining("apps/b.yaml:1: Service/web/svc: missing apiVersion")
                .hasMessageContaining("duplicate object ConfigMap/web/settings, defined at apps/c.yaml:5 and apps/d.yaml:20");
    }

    @Test
    void theSameObjectThroughAnotherApiVersionIsADuplicate() {
        List<Manifest> manifests = List.of(
                manifest("autoscaling/v1", "HorizontalPodAutoscaler", null, "web", "a.yaml", 1),
                manifest("autoscaling/v2", "HorizontalPodAutoscaler", null, "web", "b.yaml", 7));

        assertThatThrownBy(() -> ManifestValidator.validate(manifests, List.of("ns", "ns")))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("1 problem in the manifests:")
                .hasMessageContaining("HorizontalPodAutoscaler/ns/web, defined at a.yaml:1 and b.yaml:7");
    }

    @Test
    void clusterScopedDuplicatesAreNamedWithoutNamespace() {
        List<Manifest> manifests = List.of(
                manifest("v1", "Namespace", null, "prod", "a.yaml", 1),
                manifest("v1", "Namespace", null, "prod", "b.yaml", 2),
                manifest("v1", "Namespace", null, "prod", "c.yaml", 3));

        assertThatThrownBy(() -> ManifestValidator.validate(manifests, List.of("", "", "")))
                .hasMessageContaining("duplicate object Namespace/prod, defined at a.yaml:1 and b.yaml:2 and c.yaml:3");
    }
}
