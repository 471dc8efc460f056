package io.jenkins.plugins.gitopssync.engine.identity;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Identity of one Kubernetes object. {@code group} is "" for the core group; {@code namespace} is ""
 * for cluster-scoped objects (and for namespaced objects before the planner defaults it).
 */
public record ObjectRef(String group, String version, String kind, String namespace, String name)
        implements Serializable, Comparable<ObjectRef> {

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::group)
            .thenComparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace)
            .thenComparing(ObjectRef::name);

    public ObjectRef {
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        namespace = namespace == null ? "" : namespace;
    }

    /** Builds a ref from an apiVersion ("v1", "apps/v1"). */
    public static ObjectRef of(String apiVersion, String kind, String namespace, String name) {
        return new ObjectRef(groupOf(apiVersion), versionOf(apiVersion), kind, namespace, name);
    }

    /** The group of an apiVersion: "" for the core group ("v1"), "apps" for "apps/v1". */
    public static String groupOf(String apiVersion) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** The version of an apiVersion: "v1" for both "v1" and "apps/v1". */
    public static String versionOf(String apiVersion) {
        String av = apiVersion == null ? "" : apiVersion;
        return av.substring(av.indexOf('/') + 1);
    }

    /** The group and kind of a CustomResourceDefinition, which stages, waits and health treat apart. */
    public static final String CRD_GROUP = "apiextensions.k8s.io";
    public static final String CRD_KIND = "CustomResourceDefinition";

    /** Whether group and kind name a CustomResourceDefinition (any version). */
    public static boolean isCrd(String group, String kind) {
        return CRD_GROUP.equals(group) && CRD_KIND.equals(kind);
    }

    public boolean isCrd() {
        return isCrd(group, kind);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** "Kind.group" as kubectl's ApplySet annotations write it ("Deployment.apps", "ConfigMap"). */
    public String groupKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    /** Version-independent key: the same object seen through another API version is the same object. */
    public String key() {
        return group + "/" + kind + "/" + namespace + "/" + name;
    }

    public ObjectRef withName(String other) {
        return new ObjectRef(group, version, kind, namespace, other);
    }

    public ObjectRef withNamespace(String ns) {
        return new ObjectRef(group, version, kind, ns, name);
    }

    @Override
    public int compareTo(ObjectRef o) {
        return ORDER.compare(this, o);
    }

    /** {@link #displayName(String, String, String)}. */
    @Override
    public String toString() {
        return displayName(kind, namespace, name);
    }

    /** kind/namespace/name, or kind/name when cluster-scoped (no namespace): how every message and page names an object. */
    public static String displayName(String kind, String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
