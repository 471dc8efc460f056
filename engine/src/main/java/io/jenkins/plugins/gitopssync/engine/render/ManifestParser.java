package io.jenkins.plugins.gitopssync.engine.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the text of one manifest file (or one rendered Kustomize stream) into {@link Manifest}s:
 * empty documents are dropped, documents that are not Kubernetes objects are skipped with a
 * warning, a {@code kind: List} is expanded into its items, and each object keeps file and line.
 * Shape errors (metadata not a mapping, a name that is not a string...) are collected for the whole
 * file and thrown together.
 */
public final class ManifestParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ManifestParser() {
    }

    /**
     * @param file    name used in locations and messages (relative to the repository root)
     * @param content the file's text
     * @param json    parse as JSON (else YAML)
     */
    public static List<Manifest> parse(String file, String content, boolean json, SyncLog log) {
        return parse(file, content, json, log, ParseCache.none());
    }

    /** As {@link #parse(String, String, boolean, SyncLog)}; YAML text parsed by an earlier run comes from {@code cache}. */
    static List<Manifest> parse(String file, String content, boolean json, SyncLog log, ParseCache cache) {
        List<YamlStream.Document> documents = json ? JsonStream.parse(file, content)
                : cache.documents(content, () -> YamlStream.parse(file, content));
        List<Manifest> manifests = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (YamlStream.Document document : documents) {
            Object value = document.value();
            if (value == null || (value instanceof Map<?, ?> m && m.isEmpty())) {
                continue;
            }
            String where = file + ":" + document.line();
            if (!(value instanceof Map<?, ?> map) || !isKubernetesObject(map)) {
                log.warn(where + ": skipped, not a Kubernetes object (no apiVersion and kind)");
                continue;
            }
            if (isKustomizeConfig(map)) {
                log.warn(where + ": skipped, a Kustomize configuration outside a kustomization directory");
                continue;
            }
            if (isList(map)) {
                List<?> items = (List<?>) map.get("items");
                for (int i = 0; i < items.size(); i++) {
                    int line = i < document.itemLines().size() ? document.itemLines().get(i) : document.line();
                    Object item = items.get(i);
                    if (item instanceof Map<?, ?> itemMap && isKubernetesObject(itemMap)) {
                        add(manifests, problems, itemMap, file, line);
                    } else {
                        problems.add(file + ":" + line + ": item " + i + " of the List is not a Kubernetes object");
                    }
                }
                continue;
            }
            add(manifests, problems, map, file, document.line());
        }
        if (!problems.isEmpty()) {
            throw new SyncException(String.join("\n", problems));
        }
        return manifests;
    }

    private static void add(List<Manifest> manifests, List<String> problems, Map<?, ?> map, String file, int line) {
        List<String> shape = shapeProblems(map);
        if (!shape.isEmpty()) {
            for (String p : shape) {
                problems.add(file + ":" + line + ": " + p);
            }
            return;
        }
        try {
            manifests.add(new Manifest(MAPPER.convertValue(map, GenericKubernetesResource.class), file, line));
        } catch (IllegalArgumentException e) {
            String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException jm
                    ? jm.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                            .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("")
                    : "";
            String detail = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException jm
                    ? jm.getOriginalMessage() : e.getMessage();
            problems.add(file + ":" + line + ": not a valid Kubernetes object" + (field.isEmpty() ? "" : " at " + field)
                    + ": " + JsonStream.withoutTokenText(firstLine(detail)));
        }
    }

    static boolean isKubernetesObject(Map<?, ?> map) {
        return map.containsKey("apiVersion") || map.containsKey("kind");
    }

    private static boolean isKustomizeConfig(Map<?, ?> map) {
        return map.get("apiVersion") instanceof String av && av.startsWith("kustomize.config.k8s.io/");
    }

    /** "kind: List" (v1), or a typed list such as ConfigMapList, as kubectl expands them. */
    private static boolean isList(Map<?, ?> map) {
        return map.get("kind") instanceof String kind && kind.endsWith("List") && map.get("items") instanceof List<?>;
    }

    /**
     * What the typed metadata would silently coerce: kubectl rejects these, so do we, with the place.
     * A missing name or kind is left to the validator, which reports all objects at once.
     */
    private static List<String> shapeProblems(Map<?, ?> map) {
        List<String> problems = new ArrayList<>();
        for (String field : List.of("apiVersion", "kind")) {
            Object v = map.get(field);
            if (v != null && !(v instanceof String)) {
                problems.add(field + " must be a string, found " + typeName(v));
            }
        }
        Object metadata = map.get("metadata");
        if (metadata == null) {
            return problems;
        }
        if (!(metadata instanceof Map<?, ?> meta)) {
            problems.add("metadata must be a mapping, found " + typeName(metadata));
            return problems;
        }
        for (String field : List.of("name", "namespace", "generateName")) {
            Object v = meta.get(field);
            if (v != null && !(v instanceof String)) {
                problems.add("metadata." + field + " must be a string, found " + typeName(v) + " (quote it)");
            }
        }
        for (String field : List.of("labels", "annotations")) {
            Object v = meta.get(field);
            if (v == null) {
                continue;
            }
            if (!(v instanceof Map<?, ?> entries)) {
                problems.add("metadata." + field + " must be a mapping, found " + typeName(v));
                continue;
            }
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                if (!(e.getValue() instanceof String)) {
                    problems.add("metadata." + field + "." + e.getKey() + " must be a string, found "
                            + typeName(e.getValue()) + " (quote it)");
                }
            }
        }
        return problems;
    }

    private static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        return v.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
