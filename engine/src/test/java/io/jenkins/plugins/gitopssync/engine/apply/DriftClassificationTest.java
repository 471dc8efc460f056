package io.jenkins.plugins.gitopssync.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.diff.Fingerprint;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drift vs Git change, and the fast path's conditions. */
class DriftClassificationTest {

    private static final ObjectRef REF = new ObjectRef("", "v1", "ConfigMap", "ns", "cm");
    private static final ResourceInfo CM = new ResourceInfo("", "v1", "ConfigMap", "configmaps", true);

    private static PlannedObject desired(String hash) {
        return new PlannedObject(REF, CM, Map.of(), "cm.yaml:1", hash, 2);
    }

    private static ListedObject live(String rv, String value) {
        return ListedObject.of(liveMap(rv, value), CM);
    }

    private static Map<String, Object> liveMap(String rv, String value) {
        return Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "cm", "namespace", "ns",
                "resourceVersion", rv), "data", Map.of("k", value));
    }

    @Test
    void changedLiveObjectWithUnchangedDesiredStateIsDrift() {
        ObjectRecord rec = ObjectRecord.of(REF, "h1", "10", "x");
        assertThat(Drift.isDrift(desired("h1"), rec, Action.CONFIGURED)).isTrue();
        assertThat(Drift.isDrift(desired("h1"), rec, Action.CREATED)).as("deleted out of band").isTrue();
        assertThat(Drift.isDrift(desired("h2"), rec, Action.CONFIGURED)).as("Git change").isFalse();
        assertThat(Drift.isDrift(desired("h1"), null, Action.CONFIGURED)).as("never synced").isFalse();
        assertThat(Drift.isDrift(desired("h1"), rec, Action.UNCHANGED)).isFalse();
    }

    @Test
    void fastPathNeedsSameDesiredHashAndSameResourceVersionOrContent() {
        ListedObject live = live("10", "v");
        String liveHash = Fingerprint.live(liveMap("10", "v"));
        ObjectRecord rec = ObjectRecord.of(REF, "h1", "10", liveHash);
        assertThat(Fingerprint.unchanged("h1", live, rec)).isTrue();
        assertThat(Fingerprint.unchanged("h2", live, rec)).as("desired changed").isFalse();
        assertThat(Fingerprint.unchanged("h1", null, rec)).as("deleted").isFalse();
        assertThat(Fingerprint.unchanged("h1", live, null)).as("no record").isFalse();
        // resourceVersion moved but the normalized content did not (e.g. a status update)
        assertThat(Fingerprint.unchanged("h1", live("11", "v"), rec)).isTrue();
        // resourceVersion and content moved: not certain, so not on the fast path
        assertThat(Fingerprint.unchanged("h1", live("12", "edited"), rec)).isFalse();
    }

    @Test
    void secretValuesAreRedactedFromServerMessages() {
        Map<String, Object> secret = Map.of("kind", "Secret", "data", Map.of("p", "aHVudGVyMi1sb25n"),
                "stringData", Map.of("q", "plain-secret"));
        String msg = "Secret \"s\" is invalid: data[p]: Invalid value: \"hunter2-long\", also aHVudGVyMi1sb25n and plain-secret";
        assertThat(SecretRedactor.redact(msg, secret)).doesNotContain("hunter2-long", "aHVudGVyMi1sb25n", "plain-secret")
                .contains("data[p]");
    }
}
