package io.jenkins.plugins.gitopssync.trigger;

import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the GitOps trigger should start a build, and why. Pure: the trigger gathers the facts and
 * this class decides, so the rule is tested without Jenkins.
 *
 * @param remoteRevision     the commit the configured ref points to now, null when it could not be read
 * @param syncedRevision     the revision of the latest sync or dry run (from the job's builds or the
 *                           inventory), null when there was none
 * @param driftedObjects     objects drifted in the cluster, null when drift was not checked
 * @param buildPending       a build is queued or running: it will pick the change up, so do not add one
 * @param scheduledRevision  the revision an earlier check already started a build for, null when none:
 *                           a build that failed before recording anything must not be retried every poll
 */
public record TriggerDecision(String remoteRevision, String syncedRevision, Integer driftedObjects, boolean buildPending,
                              String scheduledRevision) {

    /** The cause text when a build should start, else empty. */
    public Optional<String> reason() {
        if (buildPending) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        if (remoteRevision != null && !remoteRevision.equals(syncedRevision) && !remoteRevision.equals(scheduledRevision)) {
            why.add(syncedRevision == null ? "first sync of revision " + Revisions.shortId(remoteRevision)
                    : "new revision " + Revisions.shortId(remoteRevision));
        }
        if (driftedObjects != null && driftedObjects > 0) {
            why.add(driftedObjects + (driftedObjects == 1 ? " object drifted" : " objects drifted"));
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", why));
    }
}
