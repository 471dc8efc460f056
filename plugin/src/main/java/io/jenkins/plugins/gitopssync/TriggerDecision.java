package io.jenkins.plugins.gitopssync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the GitOps trigger should start a build, and why. Pure: the trigger gathers the facts
 * (remote revision, last synced revision, drift count, whether a build is already pending) and this
 * class decides, so the rule is tested without Jenkins.
 *
 * @param remoteRevision  the commit the configured ref points to now, null when it could not be read
 * @param syncedRevision  the revision last synced (from the last build or the inventory), null when never
 * @param driftedObjects  objects drifted in the cluster, null when drift was not checked
 * @param buildPending    a build is queued or running: it will pick the change up, so do not add one
 */
public record TriggerDecision(String remoteRevision, String syncedRevision, Integer driftedObjects, boolean buildPending) {

    /** The cause text when a build should start, else empty. */
    public Optional<String> reason() {
        if (buildPending) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        if (remoteRevision != null && !remoteRevision.equals(syncedRevision)) {
            why.add(syncedRevision == null ? "first sync of revision " + GitRefs.shortId(remoteRevision)
                    : "new revision " + GitRefs.shortId(remoteRevision));
        }
        if (driftedObjects != null && driftedObjects > 0) {
            why.add(driftedObjects + (driftedObjects == 1 ? " object drifted" : " objects drifted"));
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", why));
    }
}
