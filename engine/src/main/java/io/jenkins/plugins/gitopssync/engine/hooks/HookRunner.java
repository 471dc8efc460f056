package io.jenkins.plugins.gitopssync.engine.hooks;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.health.HealthChecker;
import io.jenkins.plugins.gitopssync.engine.health.HealthStatus;
import io.jenkins.plugins.gitopssync.engine.identity.HookLabels;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.DeletePolicy;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedHook;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs the hooks of one wave: deletes their earlier runs (BeforeHookCreation), creates each (a name from its
 * generateName, if it has one), waits until all are done (a Job complete, a Pod succeeded, any other kind
 * current; the first failure ends the wait), then deletes them as their policies say (HookSucceeded,
 * HookFailed). A hook that cannot be created or fails fails the wave, with the reason from its status and,
 * for a Job or Pod, its failed container and the last lines of its log.
 */
public final class HookRunner {

    /** Each hook's result, in the wave's order, and the first failure (null when every hook succeeded). */
    public record Result(List<HookResult> results, String error) {
    }

    /** A created hook: its plan, and itself under the name the server gave it, for the wait. */
    private record Created(int index, PlannedHook hook, PlannedObject object) {
    }

    private final KubeApi api;
    private final String applySetId;
    private final SyncLog log;
    private final Duration timeout;
    private final Duration poll;
    private final EarlierRuns earlier;
    private final HookFailure failure;

    /**
     * @param timeout how long the wave's hooks may take to finish (and an earlier run to be deleted)
     * @param secrets the set's Secrets, whose values are masked in failure messages
     */
    public HookRunner(KubeApi api, String applySetId, SyncLog log, Duration timeout, Duration poll,
                      List<Map<String, Object>> secrets) {
        this.api = api;
        this.applySetId = applySetId;
        this.log = log;
        this.timeout = timeout;
        this.poll = poll;
        this.earlier = new EarlierRuns(api, applySetId, log, timeout);
        this.failure = new HookFailure(api, log, secrets);
    }

    public Result run(List<PlannedHook> hooks) {
        HookResult[] results = new HookResult[hooks.size()];
        List<Created> created = new ArrayList<>();
        String error = null;
        for (int i = 0; i < hooks.size(); i++) {
            PlannedHook h = hooks.get(i);
            if (error != null) {
                results[i] = HookResults.planned(h, HookResult.State.NOT_RUN, "not created: an earlier hook failed");
                continue;
            }
            try {
                created.add(create(i, h));
            } catch (ApiException e) {
                error = "hook " + h.describe() + " could not be created: " + reason(h, e);
                log.warn(error);
                results[i] = HookResults.planned(h, HookResult.State.FAILED, error);
            }
        }
        if (!created.isEmpty()) {
            error = await(created, results, error);
        }
        return new Result(Arrays.asList(results), error);
    }

    private Created create(int index, PlannedHook h) {
        if (h.deletes(DeletePolicy.BEFORE_HOOK_CREATION)) {
            earlier.delete(h);
        }
        Map<String, Object> made = api.create(h.resource(), h.ref().namespace(), h.desired());
        ObjectRef ref = h.ref().withName(ObjectMaps.string(made, "metadata", "name"));
        log.info("running hook " + ref + " (" + h.phase().word() + " wave " + h.wave() + ", from " + h.source() + ")");
        return new Created(index, h,
                new PlannedObject(ref, h.resource(), h.desired(), h.source(), "", h.stage(), h.wave()));
    }

    /** Waits for the created hooks and records each result; the first failure, or the one already found. */
    private String await(List<Created> created, HookResult[] results, String error) {
        HealthChecker.Outcome waited = HealthChecker.ofHooks(api, applySetId, log, poll)
                .waitFor(created.stream().map(Created::object).toList(), timeout);
        String firstFailure = error;
        boolean unfinished = false;
        for (Created c : created) {
            PlannedHook h = c.hook();
            ObjectRef ref = c.object().ref();
            HealthStatus s = waited.byKey().get(ref.key());
            if (s != null && s.state() == HealthStatus.State.CURRENT) {
                boolean deleted = h.deletes(DeletePolicy.HOOK_SUCCEEDED) && delete(h, ref);
                log.info("hook " + ref + " succeeded" + (deleted ? "; deleted (HookSucceeded)" : ""));
                results[c.index()] = HookResults.of(h, ref.name(), HookResult.State.SUCCEEDED, null, deleted);
            } else if (s != null && s.state() == HealthStatus.State.FAILED) {
                String why = failure.describe(h, ref.name(), s.message());
                boolean deleted = h.deletes(DeletePolicy.HOOK_FAILED) && delete(h, ref);
                log.warn(why + (deleted ? "; deleted (HookFailed)" : ""));
                results[c.index()] = HookResults.of(h, ref.name(), HookResult.State.FAILED, why, deleted);
                firstFailure = firstFailure == null ? why : firstFailure;
            } else {
                unfinished = true;
                results[c.index()] = HookResults.of(h, ref.name(), HookResult.State.UNFINISHED,
                        s == null ? "not seen" : s.message(), false);
            }
        }
        if (firstFailure == null && unfinished) {
            Created first = created.get(0);
            firstFailure = "hooks of " + first.hook().phase().word() + " wave " + first.hook().wave()
                    + " did not finish: " + waited.error();
        }
        return firstFailure;
    }

    private boolean delete(PlannedHook h, ObjectRef ref) {
        try {
            return api.delete(h.resource(), ref.namespace(), ref.name(), "Background");
        } catch (ApiException e) {
            log.warn("could not delete hook " + ref + " as its delete policy says: " + e.getMessage());
            return false;
        }
    }

    private String reason(PlannedHook h, ApiException e) {
        if (e.isForbidden()) {
            return e.permissionMessage();
        }
        if (e.isConflict() && !h.deletes(DeletePolicy.BEFORE_HOOK_CREATION)) {
            return e.getMessage() + " (its delete policy has no BeforeHookCreation, so an earlier run stays; add it,"
                    + " or use a generateName)";
        }
        if (e.isConflict()) {
            return e.getMessage() + " (and it is no run of this hook: it lacks the label " + HookLabels.HOOK + "="
                    + h.hookId() + ", so it was not deleted)";
        }
        return e.getMessage();
    }
}
