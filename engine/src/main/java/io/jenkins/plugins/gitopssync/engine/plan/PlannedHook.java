package io.jenkins.plugins.gitopssync.engine.plan;

import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import java.util.Map;
import java.util.Set;

/**
 * One hook of one phase: an object created for the sync (a new one each time when it has a generateName),
 * never a member of the set. Its ref's name is its metadata.name, or its generateName when {@code generated}.
 *
 * @param desired  the object to create: namespace and hook labels set, no part-of label
 * @param hookId   the value of its {@link io.jenkins.plugins.gitopssync.engine.identity.HookLabels#HOOK} label
 */
public record PlannedHook(ObjectRef ref, ResourceInfo resource, Map<String, Object> desired, String source,
                          SyncPhase phase, int wave, int stage, HookOccasion occasion, Set<DeletePolicy> deletePolicies,
                          boolean generated, String hookId) {

    public PlannedHook {
        deletePolicies = Set.copyOf(deletePolicies);
    }

    /** "Job/shop/migrate-*" for a generated name, "Job/shop/migrate" otherwise. */
    public String displayName() {
        return ref + (generated ? "*" : "");
    }

    /** "Job/shop/migrate-* (PreSync, wave 0) from app/migrate.yaml:1", for messages. */
    public String describe() {
        return displayName() + " (" + phase.word() + ", wave " + wave + ") from " + source;
    }

    public boolean deletes(DeletePolicy policy) {
        return deletePolicies.contains(policy);
    }
}
