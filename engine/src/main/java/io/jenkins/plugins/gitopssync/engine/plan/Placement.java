package io.jenkins.plugins.gitopssync.engine.plan;

/**
 * What the planner needs of a sync request: which ApplySet owns the objects, and where namespaced objects go.
 *
 * @param defaultNamespace for namespaced objects that name none
 * @param targetNamespace  when not null, for every namespaced object
 */
public record Placement(String applySetName, String applySetNamespace, String defaultNamespace,
                        String targetNamespace) {
}
