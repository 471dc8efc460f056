package io.jenkins.plugins.gitopssync.engine.plan;

/**
 * When a hook runs. Argo CD's hooks run on every sync; Helm's pre-install and post-install only on a first
 * install, pre-upgrade and post-upgrade only on an upgrade, which here means: whether the ApplySet already
 * has an inventory.
 */
public enum HookOccasion {
    ALWAYS, FIRST_INSTALL, UPGRADE;

    public boolean runsOn(boolean firstInstall) {
        return this == ALWAYS || (this == FIRST_INSTALL) == firstInstall;
    }

    /** The occasion of a hook named for both: a Helm hook listed as pre-install and pre-upgrade runs always. */
    HookOccasion and(HookOccasion other) {
        return other == this ? this : ALWAYS;
    }
}
