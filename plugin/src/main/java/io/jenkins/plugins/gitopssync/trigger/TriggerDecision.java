package io.jenkins.plugins.gitopssync.trigger;

import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import java.util.Optional;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

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
@Restricted(NoExternalUse.class)
public record TriggerDecision(String remoteRevision, String syncedRevision, Integer driftedObjects, boolean buildPending,
                              String scheduledRevision) {

    /** Why a build should start, else empty. */
    public Optional<TriggerReason> reason() {
        if (buildPending) {
            return Optional.empty();
        }
        boolean newRevision = remoteRevision != null && !remoteRevision.equals(syncedRevision)
                && !remoteRevision.equals(scheduledRevision);
        int drifted = driftedObjects == null ? 0 : driftedObjects;
        if (!newRevision && drifted == 0) {
            return Optional.empty();
        }
        return Optional.of(new TriggerReason(newRevision ? Revisions.shortId(remoteRevision) : null, syncedRevision == null,
                drifted));
    }
}
