package io.jenkins.plugins.gitopssync.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live fingerprint covers the fields our apply owns (managedFields), list items by key included. */
class FingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> deployment(String image, String defaultedPolicy, String unownedLabel)
            throws Exception {
        String json = """
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "resourceVersion": "%s", "labels": {"app": "web", "extra": "%s"},
                   "managedFields": [
                     {"manager": "gitops-sync", "operation": "Apply", "fieldsType": "FieldsV1",
                      "fieldsV1": {"f:metadata": {"f:labels": {"f:app": {}}},
                                   "f:spec": {"f:template": {"f:spec": {"f:containers": {
                                     "k:{\\"name\\":\\"main\\"}": {".": {}, "f:name": {}, "f:image": {}}}}}}}},
                     {"manager": "kube-controller-manager", "operation": "Update", "subresource": "status",
                      "fieldsV1": {"f:status": {}}}]},
                 "spec": {"template": {"spec": {"containers": [
                    {"name": "sidecar", "image": "other:1"},
                    {"name": "main", "image": "%s", "imagePullPolicy": "%s"}]}}},
                 "status": {"replicas": 1}}
                """.formatted(unownedLabel + image, unownedLabel, image, defaultedPolicy);
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void onlyOwnedFieldsAndTheirValuesCount() throws Exception {
        String base = Fingerprint.live(deployment("nginx:1.27", "IfNotPresent", "a"));

        // not owned: another label, a defaulted field, another container, status
        assertThat(Fingerprint.live(deployment("nginx:1.27", "Always", "b"))).isEqualTo(base);
        Map<String, Object> withOtherStatus = deployment("nginx:1.27", "IfNotPresent", "a");
        withOtherStatus.put("status", Map.of("replicas", 3));
        assertThat(Fingerprint.live(withOtherStatus)).isEqualTo(base);
        // owned: the main container's image
        assertThat(Fingerprint.live(deployment("nginx:1.28", "IfNotPresent", "a"))).isNotEqualTo(base);
    }

    @Test
    void aFieldTakenByAnotherManagerCounts() throws Exception {
        Map<String, Object> live = deployment("nginx:1.27", "IfNotPresent", "a");
        String base = Fingerprint.live(live);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ((Map<String, Object>) live.get("metadata"))
                .get("managedFields");
        entries.get(0).put("fieldsV1", Map.of("f:metadata", Map.of("f:labels", Map.of("f:app", Map.of()))));

        assertThat(Fingerprint.live(live)).isNotEqualTo(base);
    }
}
