package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolve step: which API resource serves each object's kind (kinds that CRDs of the same set define
 * count as served) and which namespace it goes to (the target namespace, else its own, else the default;
 * none for cluster-scoped kinds).
 */
final class KindResolver {

    private KindResolver() {
    }

    /** A rendered object as a map, before its kind is looked up. */
    private record Converted(Manifest manifest, Map<String, Object> object) {
    }

    static List<ResolvedObject> resolve(List<Manifest> manifests, Placement placement, Discovery discovery) {
        // converting is pure per object and a large part of a big plan's time: done in parallel
        List<Converted> converted = manifests.parallelStream()
                .map(m -> new Converted(m, ObjectMaps.toMap(m.object()))).toList();
        // kinds defined in this set are planned as if already served
        for (Converted c : converted) {
            if (ObjectRef.isCrd(group(c.object()), String.valueOf(c.object().get("kind")))) {
                discovery.registerCrd(c.object());
            }
        }
        List<ResolvedObject> resolved = new ArrayList<>(converted.size());
        for (Converted c : converted) {
            Map<String, Object> obj = c.object();
            String kind = obj.get("kind") == null ? "" : obj.get("kind").toString();
            Optional<ResourceInfo> info = discovery.find(group(obj), version(obj), kind);
            // unknown kinds are planned as namespaced so validation still names duplicates; requireServed fails them
            boolean namespaced = info.map(ResourceInfo::namespaced).orElse(true);
            resolved.add(new ResolvedObject(c.manifest(), obj, info, namespaced ? namespaceFor(obj, placement) : ""));
        }
        return resolved;
    }

    /** Fails naming every object whose kind (or kind at that apiVersion) the cluster does not serve. */
    static void requireServed(List<ResolvedObject> objects, Discovery discovery) {
        List<String> unknown = new ArrayList<>();
        for (ResolvedObject r : objects) {
            if (r.resource().isEmpty()) {
                unknown.add(unservedMessage(r, discovery));
            }
        }
        if (!unknown.isEmpty()) {
            throw new SyncException(String.join("\n", unknown));
        }
    }

    private static String unservedMessage(ResolvedObject r, Discovery discovery) {
        String kind = r.kind();
        Optional<ResourceInfo> other = discovery.findGroupKind(group(r.object()), kind);
        return r.source() + ": " + kind + "/" + ObjectMaps.string(r.object(), "metadata", "name") + ": "
                + (other.isPresent()
                ? "apiVersion " + r.apiVersion() + " is not served for kind " + kind + " (the cluster serves "
                        + other.get().apiVersion() + ")"
                : "unknown kind " + kind + " (apiVersion " + r.apiVersion() + "): the cluster does not serve it"
                        + " and no CustomResourceDefinition in this set defines it");
    }

    private static String namespaceFor(Map<String, Object> obj, Placement placement) {
        if (placement.targetNamespace() != null) {
            return placement.targetNamespace();
        }
        String ns = ObjectMaps.string(obj, "metadata", "namespace");
        return ns == null || ns.isBlank() ? placement.defaultNamespace() : ns;
    }

    private static String group(Map<String, Object> obj) {
        return ObjectRef.groupOf(ObjectMaps.string(obj, "apiVersion"));
    }

    private static String version(Map<String, Object> obj) {
        return ObjectRef.versionOf(ObjectMaps.string(obj, "apiVersion"));
    }
}
