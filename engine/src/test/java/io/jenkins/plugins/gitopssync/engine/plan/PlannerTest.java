package io.jenkins.plugins.gitopssync.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final String CORE = """
            {"kind":"APIGroupDiscoveryList","items":[{"metadata":{},"versions":[{"version":"v1","resources":[
             {"resource":"configmaps","responseKind":{"group":"","version":"v1","kind":"ConfigMap"},"scope":"Namespaced"},
             {"resource":"namespaces","responseKind":{"group":"","version":"v1","kind":"Namespace"},"scope":"Cluster"}]}]}]}
            """;
    private static final String APIS = """
            {"kind":"APIGroupDiscoveryList","items":[
             {"metadata":{"name":"apiextensions.k8s.io"},"versions":[{"version":"v1","resources":[
              {"resource":"customresourcedefinitions","responseKind":{"group":"apiextensions.k8s.io","version":"v1",
               "kind":"CustomResourceDefinition"},"scope":"Cluster"}]}]},
             {"metadata":{"name":"rbac.authorization.k8s.io"},"versions":[{"version":"v1","resources":[
              {"resource":"clusterroles","responseKind":{"group":"rbac.authorization.k8s.io","version":"v1",
               "kind":"ClusterRole"},"scope":"Cluster"}]}]}]}
            """;

    private final RecordingLog log = new RecordingLog();

    private static Manifest manifest(String yaml, String file) {
        return new Manifest(Serialization.unmarshal(yaml, GenericKubernetesResource.class), file, 1);
    }

    private static Placement request(String target) {
        return new Placement("shop", "ops", "shop", target);
    }

    private static final String CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n%s";
    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets}
              versions: [{name: v1, served: true, storage: true}]
            """;

    private List<Manifest> set() {
        List<Manifest> m = new ArrayList<>();
        m.add(manifest("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n", "w.yaml"));
        m.add(manifest(CM.formatted("plain", ""), "a.yaml"));
        m.add(manifest(CM.formatted("pinned", "  namespace: other\n"), "b.yaml"));
        m.add(manifest("apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n"
                + "  namespace: ignored\n", "c.yaml"));
        m.add(manifest(CRD, "crd.yaml"));
        return m;
    }

    @Test
    void namespacesLabelsStagesAndKindsFromCrdsOfTheSet() throws Exception {
        Plan plan = Planner.plan(set(), request(null), Discovery.parse(CORE, APIS), log);
        assertThat(plan.objects()).extracting(o -> o.ref().toString()).containsExactly(
                "CustomResourceDefinition/widgets.example.com", "ClusterRole/reader",
                "ConfigMap/other/pinned", "ConfigMap/shop/plain", "Widget/shop/w");
        PlannedObject reader = plan.objects().get(1);
        assertThat(reader.ref().namespace()).isEmpty();
        assertThat(ObjectMaps.string(reader.desired(), "metadata", "namespace")).isNull();
        assertThat(log.warnings).anyMatch(w -> w.contains("c.yaml:1") && w.contains("cluster-scoped"));
        assertThat(ObjectMaps.stringMap(plan.objects().get(3).desired(), "labels"))
                .containsEntry(ApplySetId.PART_OF_LABEL, ApplySetId.of("shop", "ops"))
                .containsEntry(Planner.APPLYSET_NAME_LABEL, "shop");
        assertThat(plan.stages()).hasSize(2);
        assertThat(plan.groupKinds()).containsExactly("ClusterRole.rbac.authorization.k8s.io", "ConfigMap",
                "CustomResourceDefinition.apiextensions.k8s.io", "Widget.example.com");
        assertThat(plan.namespaces()).containsExactly("other", "shop");
    }

    @Test
    void targetNamespaceOverridesNamespacedObjectsOnly() throws Exception {
        Plan plan = Planner.plan(set(), request("prod"), Discovery.parse(CORE, APIS), log);
        assertThat(plan.namespaces()).containsExactly("prod");
        assertThat(plan.objects()).filteredOn(o -> o.ref().kind().equals("ClusterRole"))
                .allMatch(o -> o.ref().namespace().isEmpty());
    }

    @Test
    void desiredHashChangesWithContentOnly() throws Exception {
        Plan a = Planner.plan(set(), request(null), Discovery.parse(CORE, APIS), log);
        Plan b = Planner.plan(set(), request(null), Discovery.parse(CORE, APIS), log);
        assertThat(a.objects().get(3).desiredHash()).isEqualTo(b.objects().get(3).desiredHash());
        List<Manifest> changed = set();
        changed.set(1, manifest(CM.formatted("plain", "data:\n  k: v\n"), "a.yaml"));
        Plan c = Planner.plan(changed, request(null), Discovery.parse(CORE, APIS), log);
        assertThat(c.byKey().get("/ConfigMap/shop/plain").desiredHash())
                .isNotEqualTo(a.byKey().get("/ConfigMap/shop/plain").desiredHash());
    }

    @Test
    void unknownKindNamesFileAndKind() throws Exception {
        List<Manifest> m = List.of(manifest("apiVersion: gadgets.io/v1\nkind: Gizmo\nmetadata:\n  name: g\n", "g.yaml"));
        assertThatThrownBy(() -> Planner.plan(m, request(null), Discovery.parse(CORE, APIS), log))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("g.yaml:1").hasMessageContaining("unknown kind Gizmo");
    }
}
