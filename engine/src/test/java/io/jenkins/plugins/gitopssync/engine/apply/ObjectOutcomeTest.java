package io.jenkins.plugins.gitopssync.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import org.junit.jupiter.api.Test;

class ObjectOutcomeTest {

    private static final ObjectRef REF = ObjectRef.of("apps/v1", "Deployment", "shop", "web");
    private static final ObjectRecord RECORD = ObjectRecord.of(REF, "h1", "7", "l1");

    @Test
    void eachFactorySaysOneOutcome() {
        ObjectOutcome created = ObjectOutcome.changed(REF, Action.CREATED, true, "+a", "web.yaml:1", RECORD);
        assertThat(created.action()).isEqualTo(Action.CREATED);
        assertThat(created.result().drift()).isTrue();
        assertThat(created.result().diff()).isEqualTo("+a");
        assertThat(created.result().source()).isEqualTo("web.yaml:1");
        assertThat(created.record()).isSameAs(RECORD);

        assertThat(ObjectOutcome.unchanged(REF, "web.yaml:1", RECORD).action()).isEqualTo(Action.UNCHANGED);

        ObjectOutcome failed = ObjectOutcome.failed(REF, "web.yaml:1", "denied", null);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.result().error()).isEqualTo("denied");
        assertThat(failed.result().diff()).isEmpty();

        ObjectOutcome skipped = ObjectOutcome.skipped(REF, null, "stage 1 failed", RECORD);
        assertThat(skipped.action()).isEqualTo(Action.SKIPPED);
        assertThat(skipped.failed()).isFalse();
        assertThat(skipped.result().error()).isEqualTo("stage 1 failed");

        ObjectOutcome pruned = ObjectOutcome.pruned(REF, "-a");
        assertThat(pruned.action()).isEqualTo(Action.PRUNED);
        assertThat(pruned.record()).as("a pruned object leaves the inventory").isNull();
        assertThat(pruned.result().kind()).isEqualTo("Deployment");
        assertThat(pruned.result().namespace()).isEqualTo("shop");
    }

    @Test
    void aMissingDiffIsEmpty() {
        assertThat(ObjectOutcome.changed(REF, Action.CONFIGURED, false, null, null, null).result().diff()).isEmpty();
    }
}
