package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.Objects;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.diff.ContentHash;
import io.jenkins.plugins.gitopssync.engine.diff.Normalizer;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns rendered manifests into a {@link Plan}: validation, discovery (kinds of CRDs in the same set
 * count as known), namespaces (default, or the target namespace for namespaced kinds only), ownership
 * labels, desired-state hashes and apply stages.
 */
public final class Planner {

    /** Extra label naming the ApplySet, for `kubectl get -l` (label values are limited to 63 characters). */
    public static final String APPLYSET_NAME_LABEL = "gitops-sync.jenkins.io/applyset";

    private Planner() {
    }

    public static Plan plan(List<Manifest> manifests, Placement request, Discovery discovery, SyncLog log) {
        String applySetId = ApplySetId.of(request.applySetName(), request.applySetNamespace());
        // converting and hashing are pure per object and most of a large plan's time: done in parallel, once
        List<Map<String, Object>> maps = manifests.parallelStream().map(m -> Objects.toMap(m.object())).toList();
        // kinds defined in this set are planned as if already served
        for (Map<String, Object> obj : maps) {
            if (ObjectRef.isCrd(group(obj), String.valueOf(obj.get("kind")))) {
                discovery.registerCrd(obj);
            }
        }
        List<Optional<ResourceInfo>> infos = new ArrayList<>();
        List<String> namespaceOf = new ArrayList<>();
        for (Map<String, Object> obj : maps) {
            String kind = obj.get("kind") == null ? "" : obj.get("kind").toString();
            Optional<ResourceInfo> info = discovery.find(group(obj), version(obj), kind);
            infos.add(info);
            // unknown kinds are planned as namespaced so validation still names duplicates; they fail below
            boolean namespaced = info.map(ResourceInfo::namespaced).orElse(true);
            namespaceOf.add(namespaced ? namespaceFor(obj, request) : "");
        }
        ManifestValidator.validate(manifests, namespaceOf);

        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            if (infos.get(i).isEmpty()) {
                Map<String, Object> obj = maps.get(i);
                String kind = String.valueOf(obj.get("kind"));
                Optional<ResourceInfo> other = discovery.findGroupKind(group(obj), kind);
                unknown.add(manifests.get(i).location() + ": " + kind + "/" + Objects.string(obj, "metadata", "name")
                        + ": " + (other.isPresent()
                        ? "apiVersion " + obj.get("apiVersion") + " is not served for kind " + kind + " (the cluster serves "
                                + other.get().apiVersion() + ")"
                        : "unknown kind " + kind + " (apiVersion " + obj.get("apiVersion") + "): the cluster does not serve it"
                                + " and no CustomResourceDefinition in this set defines it"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new SyncException(String.join("\n", unknown));
        }

        List<ObjectRef> refs = new ArrayList<>();
        List<Map<String, Object>> desired = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            Map<String, Object> obj = Objects.copy(maps.get(i));
            ResourceInfo info = infos.get(i).orElseThrow();
            Map<String, Object> meta = Objects.child(obj, "metadata");
            String ns = namespaceOf.get(i);
            if (info.namespaced()) {
                meta.put("namespace", ns);
            } else if (meta.remove("namespace") != null) {
                log.warn(manifests.get(i).location() + ": " + info.kind() + "/" + meta.get("name")
                        + " is cluster-scoped; its metadata.namespace is ignored");
            }
            // fields the server owns would act as preconditions or be rejected
            meta.remove("resourceVersion");
            meta.remove("uid");
            meta.remove("managedFields");
            meta.remove("creationTimestamp");
            Map<String, Object> labels = Objects.child(meta, "labels");
            labels.put(ApplySetId.PART_OF_LABEL, applySetId);
            if (request.applySetName().length() <= 63) {
                labels.put(APPLYSET_NAME_LABEL, request.applySetName());
            }
            ObjectRef ref = new ObjectRef(info.group(), info.version(), info.kind(), ns, meta.get("name").toString());
            refs.add(ref);
            desired.add(obj);
        }
        List<String> hashes = desired.parallelStream().map(obj -> ContentHash.of(Normalizer.normalize(obj))).toList();
        List<PlannedObject> planned = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            ObjectRef ref = refs.get(i);
            planned.add(new PlannedObject(ref, infos.get(i).orElseThrow(), desired.get(i), manifests.get(i).location(),
                    hashes.get(i), KindOrder.stageOf(ref.group(), ref.kind())));
        }
        Comparator<ObjectRef> order = KindOrder.order();
        planned.sort(Comparator.comparingInt(PlannedObject::stage).thenComparing(PlannedObject::ref, order));
        return new Plan(planned);
    }

    private static String namespaceFor(Map<String, Object> obj, Placement request) {
        if (request.targetNamespace() != null) {
            return request.targetNamespace();
        }
        String ns = Objects.string(obj, "metadata", "namespace");
        return ns == null || ns.isBlank() ? request.defaultNamespace() : ns;
    }

    static String group(Map<String, Object> obj) {
        String av = obj.get("apiVersion") == null ? "" : obj.get("apiVersion").toString();
        int slash = av.indexOf('/');
        return slash < 0 ? "" : av.substring(0, slash);
    }

    static String version(Map<String, Object> obj) {
        String av = obj.get("apiVersion") == null ? "" : obj.get("apiVersion").toString();
        int slash = av.indexOf('/');
        return slash < 0 ? av : av.substring(slash + 1);
    }
}
