package io.jenkins.plugins.gitopssync.engine.inventory;

import java.time.Duration;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A sync whose expired lease another sync took over: it may be stalled rather than dead, and write again
 * when it resumes, before its fence stops it. Every object it may write is of a kind and in a namespace
 * the parent listed when the lease was taken over (it widens the parent before it writes, and that write
 * is conditional), so the parent keeps listing those until {@code untilEpochSeconds}: whatever it writes
 * stays visible to every later prune.
 */
public record DisplacedSync(String holder, long untilEpochSeconds, List<String> groupKinds, List<String> namespaces) {

    /**
     * How long after a takeover a displaced sync may still land a write: its last write may have left just
     * before its fence closed (two thirds of its lease after its last renewal) and take up to a minute (the
     * API server's request timeout); the rest covers clocks that disagree.
     */
    static final Duration GRACE = Duration.ofMinutes(5);

    public DisplacedSync {
        groupKinds = groupKinds == null ? List.of() : List.copyOf(groupKinds);
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** The displaced holder of a lease of that duration, and the parent as the new holder read it. */
    public static DisplacedSync of(String holder, Duration leaseDuration, ApplySetParent asRead, long nowEpochSeconds) {
        SortedSet<String> namespaces = new TreeSet<>(asRead.allNamespaces());
        return new DisplacedSync(holder, nowEpochSeconds + leaseDuration.toSeconds() + GRACE.toSeconds(),
                List.copyOf(asRead.groupKinds()), List.copyOf(namespaces));
    }

    public boolean activeAt(long epochSeconds) {
        return epochSeconds < untilEpochSeconds;
    }
}
