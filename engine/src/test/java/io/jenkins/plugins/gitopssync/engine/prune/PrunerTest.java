package io.jenkins.plugins.gitopssync.engine.prune;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrunerTest {

    @Test
    void candidatesAreMembersNotDesiredInReverseApplyOrder() {
        Map<String, ListedObject> members = new LinkedHashMap<>();
        add(members, "v1", "Namespace", null, "team");
        add(members, "apps/v1", "Deployment", "team", "web");
        add(members, "v1", "ConfigMap", "team", "kept-in-git");
        add(members, "apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com");
        add(members, "v1", "ServiceAccount", "team", "bot");
        Set<String> desired = Set.of(new ObjectRef("", "v1", "ConfigMap", "team", "kept-in-git").key());

        List<ObjectRef> refs = Pruner.candidates(members, desired);

        assertThat(refs).extracting(ObjectRef::kind).doesNotContain("ConfigMap");
        // workloads before the service account they use; cluster-scoped stage-0 kinds last
        assertThat(refs.indexOf(ref(refs, "Deployment"))).isLessThan(refs.indexOf(ref(refs, "ServiceAccount")));
        assertThat(refs.subList(refs.size() - 2, refs.size())).extracting(ObjectRef::kind)
                .containsExactlyInAnyOrder("Namespace", "CustomResourceDefinition");
    }

    @Test
    void higherWavesArePrunedFirstThenReverseApplyOrderInsideAWave() {
        Map<String, ListedObject> members = new LinkedHashMap<>();
        add(members, "v1", "Namespace", null, "team", "-1");
        add(members, "apps/v1", "Deployment", "team", "db", "-1");
        add(members, "v1", "ServiceAccount", "team", "web", null);
        add(members, "apps/v1", "Deployment", "team", "web", null);
        add(members, "v1", "ConfigMap", "team", "smoke", "5");

        List<ObjectRef> refs = Pruner.candidates(members, Set.of());

        assertThat(refs).extracting(r -> r.kind() + "/" + r.name()).containsExactly("ConfigMap/smoke",
                "Deployment/web", "ServiceAccount/web", "Deployment/db", "Namespace/team");
    }

    @Test
    void optOutAnnotations() {
        assertThat(Pruner.optedOut(Map.of("metadata", Map.of("annotations",
                Map.of(Pruner.PRUNE_ANNOTATION, "disabled"))))).isTrue();
        assertThat(Pruner.optedOut(Map.of("metadata", Map.of("annotations",
                Map.of("helm.sh/resource-policy", "keep"))))).isTrue();
        assertThat(Pruner.optedOut(Map.of("metadata", Map.of()))).isFalse();
    }

    private static ObjectRef ref(List<ObjectRef> refs, String kind) {
        return refs.stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static void add(Map<String, ListedObject> members, String apiVersion, String kind, String ns,
                            String name) {
        add(members, apiVersion, kind, ns, name, null);
    }

    private static void add(Map<String, ListedObject> members, String apiVersion, String kind, String ns,
                            String name, String wave) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        if (wave != null) {
            meta.put("annotations", Map.of("argocd.argoproj.io/sync-wave", wave));
        }
        if (ns != null) {
            meta.put("namespace", ns);
        }
        ObjectRef ref = ObjectRef.of(apiVersion, kind, ns, name);
        ResourceInfo r = new ResourceInfo(ref.group(), ref.version(), kind, kind.toLowerCase() + "s", ns != null);
        members.put(ref.key(), ListedObject.of(Map.of("apiVersion", apiVersion, "kind", kind, "metadata", meta), r));
    }
}
