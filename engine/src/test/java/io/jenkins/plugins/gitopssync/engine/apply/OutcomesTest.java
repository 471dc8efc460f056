package io.jenkins.plugins.gitopssync.engine.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static final ResourceInfo CM = new ResourceInfo("", "v1", "ConfigMap", "configmaps", true);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final RecordingLog log = new RecordingLog();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static PlannedObject planned(String name) {
        return new PlannedObject(ObjectRef.of("v1", "ConfigMap", "shop", name), CM, Map.of(), name + ".yaml:1", "h", 2);
    }

    @Test
    void keepsPlanOrderAndAnObjectRecordedAgainKeepsItsPlace() {
        Outcomes outcomes = new Outcomes();
        List<PlannedObject> objects = List.of(planned("a"), planned("b"), planned("c"));
        outcomes.runAll(objects, p -> ObjectOutcome.unchanged(p.ref(), p.source(),
                ObjectRecord.of(p.ref(), "h", "1", "l")), pool, log);
        outcomes.put(ObjectOutcome.skipped(objects.get(0).ref(), "a.yaml:1", "why", null));
        outcomes.setHealth(objects.get(1).ref().key(), "Healthy");

        assertThat(outcomes.all()).extracting(o -> o.ref().name()).containsExactly("a", "b", "c");
        assertThat(outcomes.get(objects.get(0).ref()).action()).isEqualTo(Action.SKIPPED);
        assertThat(outcomes.get(objects.get(1).ref()).result().health()).isEqualTo("Healthy");
        assertThat(outcomes.records()).containsOnlyKeys(objects.get(1).ref().key(), objects.get(2).ref().key());
    }

    @Test
    void aTaskThatThrowsFailsItsObjectOnly() {
        Outcomes outcomes = new Outcomes();
        outcomes.runAll(List.of(planned("a"), planned("b")), p -> {
            if (p.ref().name().equals("a")) {
                throw new IllegalStateException("boom");
            }
            return ObjectOutcome.unchanged(p.ref(), p.source(), null);
        }, pool, log);
        assertThat(outcomes.get(planned("a").ref()).result().error()).contains("a.yaml:1").contains("boom");
        assertThat(outcomes.get(planned("b").ref()).action()).isEqualTo(Action.UNCHANGED);
        assertThat(log.warnings).anyMatch(w -> w.contains("boom"));
    }
}
