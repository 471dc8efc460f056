package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.Pause;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.HookLabels;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until applied objects are healthy: one LIST per kind and namespace (members selected by the part-of
 * label, hooks by the hook label) every poll interval (a second in production), until all are Current, one
 * is Failed (fail fast), or the timeout passes. Each request is bounded by the time left, so an API server that stops answering
 * ends the wait on time too.
 */
public final class HealthChecker {

    private final KubeApi api;
    private final String selector;
    private final SyncLog log;
    private final long pollNanos;

    private HealthChecker(KubeApi api, String selector, SyncLog log, Duration poll) {
        this.api = api;
        this.selector = selector;
        this.log = log;
        this.pollNanos = poll.toNanos();
    }

    /**
     * For the ApplySet's members.
     *
     * @param poll between two rounds (the sync's timing gives it). The deadline runs by
     *             {@link System#nanoTime()}, as the requests it bounds do ({@link KubeApi#until}).
     */
    public static HealthChecker ofMembers(KubeApi api, String applySetId, SyncLog log, Duration poll) {
        return new HealthChecker(api, ApplySetId.PART_OF_LABEL + "=" + applySetId, log, poll);
    }

    /** For the hook objects the ApplySet's sync created. */
    public static HealthChecker ofHooks(KubeApi api, String applySetId, SyncLog log, Duration poll) {
        return new HealthChecker(api, HookLabels.selector(applySetId), log, poll);
    }

    /** Health per object key; {@code error} is null when all are Current. */
    public record Outcome(Map<String, HealthStatus> byKey, String error) {
    }

    public Outcome waitFor(List<PlannedObject> objects, Duration timeout) {
        Map<String, List<PlannedObject>> groups = new LinkedHashMap<>();
        for (PlannedObject p : objects) {
            groups.computeIfAbsent(p.resource().groupResource() + "|" + p.ref().namespace(), k -> new ArrayList<>()).add(p);
        }
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        KubeApi bounded = api.until(deadline);
        Map<String, HealthStatus> last = Map.of(); // the last round that got every answer
        List<String> waiting = List.of();
        long lastLog = started;
        while (true) {
            Map<String, HealthStatus> status = new LinkedHashMap<>();
            long roundLeft = deadline - System.nanoTime();
            for (List<PlannedObject> group : groups.values()) {
                PlannedObject first = group.get(0);
                ResourceInfo r = first.resource();
                Map<String, Map<String, Object>> live = new LinkedHashMap<>();
                try {
                    for (Map<String, Object> o : bounded.list(r, r.namespaced() ? first.ref().namespace() : null,
                            selector)) {
                        live.put(ObjectMaps.string(o, "metadata", "name"), o);
                    }
                } catch (ApiException e) {
                    if (e.isTimedOut()) {
                        // a round begun with less than a poll interval left just ran out; one begun earlier hung
                        String why = roundLeft < pollNanos ? "" : ": " + e.getMessage();
                        return new Outcome(Map.copyOf(last), "health check timed out after " + timeout.toSeconds() + "s"
                                + why + (waiting.isEmpty() ? "" : "; still in progress: " + String.join("; ", waiting)));
                    }
                    String msg = e.isForbidden() ? e.permissionMessage() + " (health check)" : e.getMessage();
                    return new Outcome(status, "health check failed: " + msg);
                }
                for (PlannedObject p : group) {
                    status.put(p.ref().key(), HealthRules.assess(r.group(), r.kind(), live.get(p.ref().name())));
                }
            }
            List<String> failed = describe(objects, status, HealthStatus.State.FAILED);
            if (!failed.isEmpty()) {
                return new Outcome(Map.copyOf(status), "unhealthy: " + String.join("; ", failed));
            }
            last = status;
            waiting = describe(objects, status, HealthStatus.State.IN_PROGRESS);
            if (waiting.isEmpty()) {
                log.info("healthy: " + objects.size() + " objects current after "
                        + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s");
                return new Outcome(Map.copyOf(status), null);
            }
            long now = System.nanoTime();
            if (now > deadline) {
                return new Outcome(Map.copyOf(status), "health check timed out after " + timeout.toSeconds()
                        + "s; still in progress: " + String.join("; ", waiting));
            }
            if (now - lastLog > 10_000_000_000L) {
                log.info("waiting for " + waiting.size() + " objects: " + waiting.get(0) + (waiting.size() > 1 ? " ..." : ""));
                lastLog = now;
            }
            Pause.millis(Math.min(pollNanos, Math.max(1_000_000, deadline - now)) / 1_000_000);
        }
    }

    private static List<String> describe(List<PlannedObject> objects, Map<String, HealthStatus> status,
                                         HealthStatus.State state) {
        List<String> out = new ArrayList<>();
        for (PlannedObject p : objects) {
            HealthStatus s = status.get(p.ref().key());
            if (s != null && s.state() == state) {
                ObjectRef ref = p.ref();
                out.add(ref + ": " + s.message());
            }
        }
        return out;
    }
}
