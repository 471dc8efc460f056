package io.jenkins.plugins.gitopssync.trigger;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.gitopssync.trigger.TriggerDecision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the GitOps trigger starts a build. */
class TriggerDecisionTest {

    @Test
    void triggerBuildsOnlyOnNewRevisionOrDrift() {
        assertEquals(Optional.of("new revision 9f8e7d6"), new TriggerDecision(REV2, REV1, null, false, null).reason().map(TriggerReason::text));
        assertEquals(Optional.of("first sync of revision 9f8e7d6"), new TriggerDecision(REV2, null, null, false, null).reason().map(TriggerReason::text));
        assertEquals(Optional.empty(), new TriggerDecision(REV1, REV1, null, false, null).reason().map(TriggerReason::text));
        assertEquals(Optional.empty(), new TriggerDecision(REV1, REV1, 0, false, null).reason().map(TriggerReason::text));
        assertEquals(Optional.of("3 objects drifted"), new TriggerDecision(REV1, REV1, 3, false, null).reason().map(TriggerReason::text));
        assertEquals(Optional.of("1 object drifted"), new TriggerDecision(null, REV1, 1, false, null).reason().map(TriggerReason::text));
        assertEquals(Optional.of("new revision 9f8e7d6, 2 objects drifted"), new TriggerDecision(REV2, REV1, 2, false, null).reason().map(TriggerReason::text));
        assertEquals(Optional.empty(), new TriggerDecision(REV2, REV1, 2, true, null).reason().map(TriggerReason::text));
        assertEquals(Optional.empty(), new TriggerDecision(null, null, null, false, null).reason().map(TriggerReason::text));
        // a build was already started for this revision (and failed before recording): not again
        assertEquals(Optional.empty(), new TriggerDecision(REV2, REV1, null, false, REV2).reason().map(TriggerReason::text));
        assertEquals(Optional.of("1 object drifted"), new TriggerDecision(REV2, REV1, 1, false, REV2).reason().map(TriggerReason::text));
        assertEquals(Optional.of("new revision 9f8e7d6"), new TriggerDecision(REV2, REV1, null, false, REV1).reason().map(TriggerReason::text));
    }
}
