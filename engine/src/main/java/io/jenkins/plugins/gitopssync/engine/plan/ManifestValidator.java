package io.jenkins.plugins.gitopssync.engine.plan;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks apiVersion, kind and metadata.name of every object, and that no object appears twice
 * (same group, kind, namespace, name after namespace defaulting). Throws SyncException listing
 * every problem with its file:line (both locations for a duplicate).
 */
public final class ManifestValidator {

    private ManifestValidator() {
    }

    /** The planner's validation step: the objects with the namespaces the resolve step gave them. */
    static void validate(List<ResolvedObject> objects) {
        validate(objects.stream().map(ResolvedObject::manifest).toList(),
                objects.stream().map(ResolvedObject::namespace).toList());
    }

    /**
     * @param manifests        rendered objects
     * @param namespaceOf      namespace each object will get (after default/target namespace), by index;
     *                         "" for cluster-scoped objects
     */
    public static void validate(List<Manifest> manifests, List<String> namespaceOf) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < manifests.size(); i++) {
            Manifest manifest = manifests.get(i);
            GenericKubernetesResource object = manifest.object();
            String namespace = namespaceOf != null && i < namespaceOf.size() && namespaceOf.get(i) != null
                    ? namespaceOf.get(i) : declaredNamespace(object);
            String apiVersion = object.getApiVersion();
            String kind = object.getKind();
            String name = object.getMetadata() == null ? null : object.getMetadata().getName();
            List<String> missing = new ArrayList<>();
            if (blank(apiVersion)) {
                missing.add("apiVersion");
            }
            if (blank(kind)) {
                missing.add("kind");
            }
            if (blank(name)) {
                missing.add("metadata.name");
            }
            if (!missing.isEmpty()) {
                problems.add(manifest.location() + ": " + describe(kind, namespace, name) + ": missing "
                        + String.join(", ", missing));
                continue;
            }
            ObjectRef ref = ObjectRef.of(apiVersion, kind, namespace, name);
            byKey.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> indexes : byKey.values()) {
            if (indexes.size() > 1) {
                Manifest first = manifests.get(indexes.get(0));
                String namespace = namespaceOf != null && indexes.get(0) < namespaceOf.size() && namespaceOf.get(indexes.get(0)) != null
                        ? namespaceOf.get(indexes.get(0)) : declaredNamespace(first.object());
                List<String> locations = indexes.stream().map(i -> manifests.get(i).location()).toList();
                problems.add(locations.get(0) + ": duplicate object "
                        + describe(first.object().getKind(), namespace, first.object().getMetadata().getName())
                        + ", defined at " + String.join(" and ", locations));
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(problems.size() == 1
                    ? "1 problem in the manifests:" : problems.size() + " problems in the manifests:");
            for (String problem : problems) {
                message.append("\n  ").append(problem);
            }
            throw new SyncException(message.toString());
        }
    }

    private static String declaredNamespace(GenericKubernetesResource object) {
        ObjectMeta meta = object.getMetadata();
        return meta == null || meta.getNamespace() == null ? "" : meta.getNamespace();
    }

    /** Kind/namespace/name, with "?" for what is missing. */
    private static String describe(String kind, String namespace, String name) {
        String k = blank(kind) ? "?" : kind;
        String n = blank(name) ? "?" : name;
        return namespace == null || namespace.isEmpty() ? k + "/" + n : k + "/" + namespace + "/" + n;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
