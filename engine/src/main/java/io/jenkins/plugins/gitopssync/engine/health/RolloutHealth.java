package io.jenkins.plugins.gitopssync.engine.health;

import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import java.util.Map;

/**
 * The workloads that roll out replicas (or pods, for a DaemonSet): each is in progress at the first step of its
 * rollout that is short of what it wants, in the order the rollout reaches them, and current once none is.
 */
final class RolloutHealth {

    private RolloutHealth() {
    }

    /** Rolled out: every replica updated, ready and available; a passed progress deadline fails. */
    static HealthStatus deployment(Map<String, Object> d) {
        Condition progressing = Condition.of(d, "Progressing");
        if (progressing != null && "ProgressDeadlineExceeded".equals(progressing.reason())) {
            return HealthStatus.failed("progress deadline exceeded: " + progressing.text());
        }
        if (Boolean.TRUE.equals(ObjectMaps.at(d, "spec", "paused"))) {
            return HealthStatus.current();
        }
        long want = ObjectMaps.number(d, 1, "spec", "replicas");
        long updated = ObjectMaps.number(d, 0, "status", "updatedReplicas");
        long old = ObjectMaps.number(d, 0, "status", "replicas") - updated;
        return firstOf(
                shortOf(updated, want, "replicas updated"),
                old > 0 ? HealthStatus.inProgress(old + " old replicas pending termination") : null,
                shortOf(ObjectMaps.number(d, 0, "status", "readyReplicas"), want, "replicas ready"),
                shortOf(ObjectMaps.number(d, 0, "status", "availableReplicas"), want, "replicas available"));
    }

    /** Every replica ready and on the update revision (OnDelete sets are current once observed). */
    static HealthStatus statefulSet(Map<String, Object> s) {
        if ("OnDelete".equals(ObjectMaps.string(s, "spec", "updateStrategy", "type"))) {
            return HealthStatus.current();
        }
        long want = ObjectMaps.number(s, 1, "spec", "replicas");
        HealthStatus notReady = shortOf(ObjectMaps.number(s, 0, "status", "readyReplicas"), want, "replicas ready");
        if (notReady != null) {
            return notReady;
        }
        long updated = ObjectMaps.number(s, 0, "status", "updatedReplicas");
        long partition = ObjectMaps.number(s, 0, "spec", "updateStrategy", "rollingUpdate", "partition");
        if (partition > 0) {
            return firstOf(shortOf(updated, want - partition, "replicas updated (partitioned)"));
        }
        String current = ObjectMaps.string(s, "status", "currentRevision");
        String update = ObjectMaps.string(s, "status", "updateRevision");
        if (update != null && !update.equals(current)) {
            return HealthStatus.inProgress(updated + " of " + want + " replicas on revision " + update);
        }
        return update == null ? firstOf(shortOf(ObjectMaps.number(s, 0, "status", "currentReplicas"), want,
                "replicas current")) : HealthStatus.current();
    }

    /** Scheduled on every eligible node, updated and available there. */
    static HealthStatus daemonSet(Map<String, Object> d) {
        if (ObjectMaps.at(d, "status", "observedGeneration") == null) {
            return HealthStatus.inProgress("not yet observed by its controller");
        }
        if ("OnDelete".equals(ObjectMaps.string(d, "spec", "updateStrategy", "type"))) {
            return HealthStatus.current();
        }
        long desired = ObjectMaps.number(d, 0, "status", "desiredNumberScheduled");
        return firstOf(
                shortOf(ObjectMaps.number(d, 0, "status", "updatedNumberScheduled"), desired, "pods updated"),
                shortOf(ObjectMaps.number(d, 0, "status", "numberAvailable"), desired, "pods available"),
                shortOf(ObjectMaps.number(d, 0, "status", "numberReady"), desired, "pods ready"));
    }

    /** Every replica ready and available; a ReplicaFailure (quota, admission) fails, as kstatus and Argo CD rule. */
    static HealthStatus replicaSet(Map<String, Object> rs) {
        Condition failure = Condition.of(rs, "ReplicaFailure");
        if (failure != null && "True".equals(failure.status())) {
            return HealthStatus.failed("ReplicaFailure: " + failure.text());
        }
        long want = ObjectMaps.number(rs, 1, "spec", "replicas");
        return firstOf(
                shortOf(ObjectMaps.number(rs, 0, "status", "readyReplicas"), want, "replicas ready"),
                shortOf(ObjectMaps.number(rs, 0, "status", "availableReplicas"), want, "replicas available"));
    }

    /** In progress as "2 of 3 replicas ready" while {@code have} is short of {@code want}; null once it is not. */
    private static HealthStatus shortOf(long have, long want, String what) {
        return have < want ? HealthStatus.inProgress(have + " of " + want + " " + what) : null;
    }

    /** The first step that is short (not null), or current. */
    private static HealthStatus firstOf(HealthStatus... steps) {
        for (HealthStatus s : steps) {
            if (s != null) {
                return s;
            }
        }
        return HealthStatus.current();
    }
}
