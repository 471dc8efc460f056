package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a plan stage by stage, in parallel inside a stage. After a stage the CRDs it changed must be
 * Established; after a failed object or CRD wait, every later stage is skipped.
 */
public final class StagedApply {

    /** Whether every stage applied, and the CRD wait's error (null: none). */
    public record Result(boolean applied, String error) {
    }

    private final KubeApi api;
    private final String applySetId;
    private final Duration timeout;
    private final SyncLog log;
    private final ExecutorService pool;

    public StagedApply(KubeApi api, String applySetId, Duration timeout, SyncLog log, ExecutorService pool) {
        this.api = api;
        this.applySetId = applySetId;
        this.timeout = timeout;
        this.log = log;
        this.pool = pool;
    }

    /**
     * @param applyOne   applies one object (on a worker thread)
     * @param records    the last sync's records, kept for skipped objects
     * @param startBatch announces each stage to the lease
     */
    public Result apply(Plan plan, Function<PlannedObject, ObjectOutcome> applyOne, Map<String, ObjectRecord> records,
                        Outcomes outcomes, Consumer<String> startBatch) {
        List<List<PlannedObject>> stages = plan.stages();
        for (int i = 0; i < stages.size(); i++) {
            List<PlannedObject> stage = stages.get(i);
            log.info("apply stage " + (i + 1) + "/" + stages.size() + ": " + stage.size() + " objects");
            startBatch.accept("applying stage " + (i + 1) + "/" + stages.size());
            outcomes.runAll(stage, applyOne, pool, log);
            String error = null;
            boolean failed = stage.stream().anyMatch(p -> outcomes.get(p.ref()).failed());
            if (!failed) {
                error = waitForCrds(stage, outcomes);
                failed = error != null;
            }
            if (failed) {
                skipAfter(i, stages, records, outcomes);
                return new Result(false, error);
            }
        }
        return new Result(true, null);
    }

    /** The CRD wait's error, or null once the stage's changed CRDs are Established. */
    private String waitForCrds(List<PlannedObject> stage, Outcomes outcomes) {
        TreeSet<String> crds = new TreeSet<>();
        for (PlannedObject p : stage) {
            if (p.ref().isCrd() && outcomes.get(p.ref()).action() != Action.UNCHANGED) {
                crds.add(p.ref().name());
            }
        }
        try {
            CrdWaiter.waitEstablished(api, applySetId, crds, timeout, log);
            return null;
        } catch (SyncException e) {
            return e.getMessage();
        }
    }

    private static void skipAfter(int failed, List<List<PlannedObject>> stages, Map<String, ObjectRecord> records,
                                  Outcomes outcomes) {
        for (int j = failed + 1; j < stages.size(); j++) {
            for (PlannedObject p : stages.get(j)) {
                ObjectRef ref = p.ref();
                outcomes.put(ObjectOutcome.skipped(ref, p.source(),
                        "not applied: apply stage " + (failed + 1) + " failed", records.get(ref.key())));
            }
        }
    }
}
