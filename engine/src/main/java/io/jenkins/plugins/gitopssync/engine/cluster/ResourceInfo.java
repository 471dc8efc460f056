package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** How the API server serves one kind at one version: its resource (plural) and scope. */
public record ResourceInfo(String group, String version, String kind, String plural, boolean namespaced) {

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion(version).withKind(kind).withPlural(plural).withNamespaced(namespaced)
                .build();
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** "deployments.apps", "secrets": how RBAC and kubectl name the resource. */
    public String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }
}
