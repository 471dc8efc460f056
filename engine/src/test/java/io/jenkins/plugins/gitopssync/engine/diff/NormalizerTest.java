package io.jenkins.plugins.gitopssync.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void serverFieldsAndStatusAreRemovedAndTheInputIsUntouched() {
        Map<String, Object> live = map(
                "kind", "Deployment",
                "apiVersion", "apps/v1",
                "metadata", map(
                        "name", "web",
                        "namespace", "prod",
                        "uid", "1234",
                        "resourceVersion", "99",
                        "generation", 4,
                        "creationTimestamp", "2024-01-01T00:00:00Z",
                        "selfLink", "/apis/apps/v1/...",
                        "deletionGracePeriodSeconds", 30,
                        "managedFields", List.of(map("manager", "kubectl")),
                        "labels", map(),
                        "annotations", map(
                                "kubectl.kubernetes.io/last-applied-configuration", "{}",
                                "deployment.kubernetes.io/revision", "3")),
                "spec", map("replicas", 2, "template", map("b", 1, "a", 2)),
                "status", map("replicas", 2));
        String before = live.toString();

        Map<String, Object> normalized = Normalizer.normalize(live);

        assertThat(live.toString()).isEqualTo(before);
        assertThat(normalized).isEqualTo(map(
                "apiVersion", "apps/v1",
                "kind", "Deployment",
                "metadata", map("name", "web", "namespace", "prod"),
                "spec", map("replicas", 2, "template", map("a", 2, "b", 1))));
        assertThat(normalized).isInstanceOf(TreeMap.class);
        assertThat(new ArrayList<>(normalized.keySet())).containsExactly("apiVersion", "kind", "metadata", "spec");
        assertThat((Map<?, ?>) ((Map<?, ?>) normalized.get("spec")).get("template")).isInstanceOf(TreeMap.class);
    }

    @Test
    void userAnnotationsAndLabelsStay() {
        Map<String, Object> normalized = Normalizer.normalize(map(
                "kind", "ConfigMap",
                "metadata", map("name", "a", "labels", map("app", "web"),
                        "annotations", map("team", "x", "kubectl.kubernetes.io/last-applied-configuration", "{}"))));

        assertThat((Map<?, ?>) normalized.get("metadata")).isEqualTo(map(
                "annotations", map("team", "x"), "labels", map("app", "web"), "name", "a"));
    }

    @Test
    void secretStringDataIsMergedIntoDataAsBase64() {
        String existing = Base64.getEncoder().encodeToString("old".getBytes());
        Map<String, Object> normalized = Normalizer.normalize(map(
                "apiVersion", "v1", "kind", "Secret", "metadata", map("name", "s"),
                "data", map("kept", existing, "overridden", existing),
                "stringData", map("overridden", "new", "added", "héllo")));

        assertThat(normalized).doesNotContainKey("stringData");
        assertThat((Map<?, ?>) normalized.get("data")).isEqualTo(map(
                "added", Base64.getEncoder().encodeToString("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "kept", existing,
                "overridden", Base64.getEncoder().encodeToString("new".getBytes())));
    }

    @Test
    void nullIsNull() {
        assertThat(Normalizer.normalize(null)).isNull();
    }
}
