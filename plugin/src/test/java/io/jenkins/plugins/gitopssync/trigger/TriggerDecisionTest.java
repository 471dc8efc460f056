package io.jenkins.plugins.gitopssync.trigger;

import static io.jenkins.plugins.gitopssync.testing.SyncRecords.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.trigger.TriggerDecision;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the GitOps trigger starts a build. */
class TriggerDecisionTest {

    @Test
    void triggerBuildsOnlyOnNewRevisionOrDrift() {
        assertThat(new TriggerDecision(REV2, REV1, null, false, null).reason().map(TriggerReason::text))
                .isEqualTo(Optional.of("new revision 9f8e7d6"));
        assertThat(new TriggerDecision(REV2, null, null, false, null).reason().map(TriggerReason::text))
                .isEqualTo(Optional.of("first sync of revision 9f8e7d6"));
        assertThat(new TriggerDecision(REV1, REV1, null, false, null).reason().map(TriggerReason::text)).isEqualTo(Optional.empty());
        assertThat(new TriggerDecision(REV1, REV1, 0, false, null).reason().map(TriggerReason::text)).isEqualTo(Optional.empty());
        assertThat(new TriggerDecision(REV1, REV1, 3, false, null).reason().map(TriggerReason::text)).isEqualTo(Optional.of("3 objects drifted"));
        assertThat(new TriggerDecision(null, REV1, 1, false, null).reason().map(TriggerReason::text)).isEqualTo(Optional.of("1 object drifted"));
        assertThat(new TriggerDecision(REV2, REV1, 2, false, null).reason().map(TriggerReason::text))
                .isEqualTo(Optional.of("new revision 9f8e7d6, 2 objects drifted"));
        assertThat(new TriggerDecision(REV2, REV1, 2, true, null).reason().map(TriggerReason::text)).isEqualTo(Optional.empty());
        assertThat(new TriggerDecision(null, null, null, false, null).reason().map(TriggerReason::text)).isEqualTo(Optional.empty());
        // a build was already started for this revision (and failed before recording): not again
        assertThat(new TriggerDecision(REV2, REV1, null, false, REV2).reason().map(TriggerReason::text)).isEqualTo(Optional.empty());
        assertThat(new TriggerDecision(REV2, REV1, 1, false, REV2).reason().map(TriggerReason::text)).isEqualTo(Optional.of("1 object drifted"));
        assertThat(new TriggerDecision(REV2, REV1, null, false, REV1).reason().map(TriggerReason::text))
                .isEqualTo(Optional.of("new revision 9f8e7d6"));
    }
}
