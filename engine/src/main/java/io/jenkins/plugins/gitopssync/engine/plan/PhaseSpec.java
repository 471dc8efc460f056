package io.jenkins.plugins.gitopssync.engine.plan;

import java.util.List;
import java.util.Set;

/**
 * What an object's annotations say about its place in a sync: a member of the set in a wave, a hook (the
 * phases and occasions it runs in, its wave and delete policies), or left out of the sync and why.
 *
 * @param leftOut why it is left out; null unless the role is LEFT_OUT
 */
public record PhaseSpec(Role role, int wave, List<Trigger> triggers, Set<DeletePolicy> deletePolicies,
                        String leftOut) {

    public enum Role { MEMBER, HOOK, LEFT_OUT }

    /** One phase a hook runs in, and on which occasion. */
    public record Trigger(SyncPhase phase, HookOccasion occasion) {
    }

    public PhaseSpec {
        triggers = List.copyOf(triggers);
        deletePolicies = Set.copyOf(deletePolicies);
    }

    static PhaseSpec member(int wave) {
        return new PhaseSpec(Role.MEMBER, wave, List.of(), Set.of(), null);
    }

    static PhaseSpec hook(int wave, List<Trigger> triggers, Set<DeletePolicy> deletePolicies) {
        return new PhaseSpec(Role.HOOK, wave, triggers, deletePolicies, null);
    }

    static PhaseSpec leftOut(String why) {
        return new PhaseSpec(Role.LEFT_OUT, 0, List.of(), Set.of(), why);
    }

    public boolean isHook() {
        return role == Role.HOOK;
    }
}
