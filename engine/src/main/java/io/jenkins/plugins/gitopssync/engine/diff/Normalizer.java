package io.jenkins.plugins.gitopssync.engine.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes what never counts as a difference: metadata.managedFields, resourceVersion, uid,
 * generation, creationTimestamp, selfLink, the last-applied-configuration annotation, status
 * (kept for nothing), and known server-set annotations; turns Secret stringData into data.
 * Returns a deep copy; the input is untouched. Keys are sorted so the result serialises stably.
 */
public final class Normalizer {

    private static final List<String> SERVER_METADATA = List.of(
            "managedFields", "resourceVersion", "uid", "generation", "creationTimestamp", "selfLink",
            "deletionGracePeriodSeconds");
    private static final List<String> SERVER_ANNOTATIONS = List.of(
            "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision");

    private Normalizer() {
    }

    public static Map<String, Object> normalize(Map<String, Object> object) {
        if (object == null) {
            return null;
        }
        Map<String, Object> copy = sortedCopy(object);
        copy.remove("status");
        if (copy.get("metadata") instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) m;
            SERVER_METADATA.forEach(metadata::remove);
            if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
                SERVER_ANNOTATIONS.forEach(annotations::remove);
            }
            for (String field : List.of("annotations", "labels")) {
                Object v = metadata.get(field);
                if (v == null || (v instanceof Map<?, ?> map && map.isEmpty())) {
                    metadata.remove(field);
                }
            }
        }
        if (SecretMasker.isSecret(copy)) {
            mergeStringData(copy);
        }
        return copy;
    }

    /** stringData is write-only: the API server merges it into data (base64), stringData winning. */
    private static void mergeStringData(Map<String, Object> secret) {
        if (!(secret.get("stringData") instanceof Map<?, ?> stringData)) {
            return;
        }
        Map<String, Object> data = new TreeMap<>();
        if (secret.get("data") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> data.put(String.valueOf(k), v));
        }
        stringData.forEach((k, v) -> data.put(String.valueOf(k),
                Base64.getEncoder().encodeToString(String.valueOf(v == null ? "" : v).getBytes(StandardCharsets.UTF_8))));
        secret.remove("stringData");
        secret.put("data", data);
    }

    /** Deep copy with every map a TreeMap (string keys) and every list an ArrayList. */
    @SuppressWarnings("unchecked")
    static <T> T sortedCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sortedCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(sortedCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
