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
 * Checks apiVersion, kind and metadata.name of every object (a hook may have a generateName instead: a new
 * object each sync), its phase annotations ({@link PhaseAnnotations}), and that no object appears twice
 * (same group, kind, namespace, name after namespace defaulting). Throws SyncException listing every
 * problem with its file:line (both locations for a duplicate).
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
        List<String> names = new ArrayList<>(manifests.size());
        for (int i = 0; i < manifests.size(); i++) {
            Manifest manifest = manifests.get(i);
            GenericKubernetesResource object = manifest.object();
            String namespace = namespaceOf(manifests, namespaceOf, i);
            String name = nameOrGenerated(object, describe(object.getKind(), namespace, null), manifest, problems);
            names.add(name);
            List<String> missing = new ArrayList<>();
            if (blank(object.getApiVersion())) {
                missing.add("apiVersion");
            }
            if (blank(object.getKind())) {
                missing.add("kind");
            }
            if (blank(name)) {
                missing.add("metadata.name");
            }
            if (!missing.isEmpty()) {
                problems.add(manifest.location() + ": " + describe(object.getKind(), namespace, name == null ? "" : name)
                        + ": missing "
                        + String.join(", ", missing));
                continue;
            }
            ObjectRef ref = ObjectRef.of(object.getApiVersion(), object.getKind(), namespace, name);
            byKey.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> indexes : byKey.values()) {
            if (indexes.size() > 1) {
                int first = indexes.get(0);
                List<String> locations = indexes.stream().map(i -> manifests.get(i).location()).toList();
                problems.add(locations.get(0) + ": duplicate object " + describe(manifests.get(first).object().getKind(),
                        namespaceOf(manifests, namespaceOf, first), names.get(first)) + ", defined at "
                        + String.join(" and ", locations));
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

    /**
     * Its metadata.name; for a hook without one, its generateName and "*" (a new name each sync); null when
     * it has neither. Problems of its phase annotations, and a generateName on what is no hook, are added.
     */
    private static String nameOrGenerated(GenericKubernetesResource object, String kindAndNamespace, Manifest manifest,
                                          List<String> problems) {
        ObjectMeta meta = object.getMetadata();
        String name = meta == null ? null : meta.getName();
        String generateName = meta == null ? null : meta.getGenerateName();
        boolean generated = blank(name) && !blank(generateName);
        String shown = generated ? generateName + "*" : name;
        String who = manifest.location() + ": " + kindAndNamespace + (shown == null ? "?" : shown) + ": ";
        PhaseSpec spec;
        try {
            spec = PhaseAnnotations.read(meta == null || meta.getAnnotations() == null ? Map.of() : meta.getAnnotations());
        } catch (IllegalArgumentException e) {
            problems.add(who + e.getMessage());
            return shown;
        }
        if (generated && spec.role() == PhaseSpec.Role.MEMBER) {
            problems.add(who + "metadata.generateName (a new object"
                    + " each sync) is only for hooks; give it a metadata.name, or make it a hook with "
                    + PhaseAnnotations.ARGO_HOOK + " or " + PhaseAnnotations.HELM_HOOK);
        }
        return shown;
    }

    private static String namespaceOf(List<Manifest> manifests, List<String> namespaceOf, int i) {
        if (namespaceOf != null && i < namespaceOf.size() && namespaceOf.get(i) != null) {
            return namespaceOf.get(i);
        }
        ObjectMeta meta = manifests.get(i).object().getMetadata();
        return meta == null || meta.getNamespace() == null ? "" : meta.getNamespace();
    }

    /** Kind/namespace/name, with "?" for what is missing; with a null name, only "Kind/namespace/". */
    private static String describe(String kind, String namespace, String name) {
        String k = blank(kind) ? "?" : kind;
        String prefix = namespace == null || namespace.isEmpty() ? k + "/" : k + "/" + namespace + "/";
        if (name == null) {
            return prefix;
        }
        return prefix + (blank(name) ? "?" : name);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
