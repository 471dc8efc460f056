package io.jenkins.plugins.gitopssync.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static final String CORE = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[
             {"metadata":{"creationTimestamp":null},"versions":[{"version":"v1","resources":[
               {"resource":"configmaps","responseKind":{"group":"","version":"v1","kind":"ConfigMap"},"scope":"Namespaced"},
               {"resource":"namespaces","responseKind":{"group":"","version":"v1","kind":"Namespace"},"scope":"Cluster",
                "subresources":[{"subresource":"status","responseKind":{"group":"","version":"v1","kind":"Namespace"}}]}
             ]}]}]}
            """;
    private static final String APIS = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[
             {"metadata":{"name":"autoscaling"},"versions":[
               {"version":"v2","resources":[{"resource":"horizontalpodautoscalers","responseKind":{"group":"autoscaling",
                 "version":"v2","kind":"HorizontalPodAutoscaler"},"scope":"Namespaced"}]},
               {"version":"v1","resources":[{"resource":"horizontalpodautoscalers","responseKind":{"group":"autoscaling",
                 "version":"v1","kind":"HorizontalPodAutoscaler"},"scope":"Namespaced"}]}]}]}
            """;

    @Test
    void readsAggregatedDiscovery() throws Exception {
        Discovery d = Discovery.parse(CORE, APIS);
        assertThat(d.find("", "v1", "ConfigMap")).contains(new ResourceInfo("", "v1", "ConfigMap", "configmaps", true));
        assertThat(d.find("", "v1", "Namespace").orElseThrow().namespaced()).isFalse();
        assertThat(d.find("autoscaling", "v1", "HorizontalPodAutoscaler")).isPresent();
        // the first listed version is the preferred one
        assertThat(d.findGroupKind("HorizontalPodAutoscaler.autoscaling").orElseThrow().version()).isEqualTo("v2");
        assertThat(d.findGroupKind("Widget.example.com")).isEmpty();
    }

    @Test
    void kindsOfACrdInTheSetBecomeKnown() throws Exception {
        Discovery d = Discovery.parse(CORE, APIS);
        List<ResourceInfo> added = d.registerCrd(Map.of("spec", Map.of("group", "example.com", "scope", "Cluster",
                "names", Map.of("kind", "Widget", "plural", "widgets"),
                "versions", List.of(Map.of("name", "v1beta1", "served", true, "storage", false),
                        Map.of("name", "v1", "served", true, "storage", true),
                        Map.of("name", "v0", "served", false, "storage", false)))));
        assertThat(added).extracting(ResourceInfo::version).containsExactly("v1", "v1beta1");
        assertThat(d.find("example.com", "v1beta1", "Widget").orElseThrow().namespaced()).isFalse();
        assertThat(d.find("example.com", "v0", "Widget")).isEmpty();
        assertThat(d.findGroupKind("example.com", "Widget").orElseThrow().version()).isEqualTo("v1");
    }
}
