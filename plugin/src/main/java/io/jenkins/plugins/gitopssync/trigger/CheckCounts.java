package io.jenkins.plugins.gitopssync.trigger;

import java.util.concurrent.atomic.AtomicLong;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What one trigger's polls came to since it was made (Jenkins' start or the job's last save): how many ran to
 * their end, how many were skipped and why, and how late they were. A poll skipped because the job's previous
 * check still runs leaves no other trace, so this is where a controller with too many triggered jobs for its
 * check threads shows it (bench/trigger-scale reads it through the script console).
 */
@Restricted(NoExternalUse.class)
public final class CheckCounts {

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong skippedStillRunning = new AtomicLong();
    private final AtomicLong skippedQueueFull = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong maxWaitMillis = new AtomicLong();
    private final AtomicLong maxLatencyMillis = new AtomicLong();
    private final AtomicLong totalRunMillis = new AtomicLong();

    /**
     * The counts at one moment. {@code maxWaitMillis}: the longest a check waited for a thread;
     * {@code maxLatencyMillis}: the longest from a poll to its check's end (a check is overdue when this passes
     * the trigger's period); {@code totalRunMillis}: the time checks ran, waits not counted.
     */
    public record Snapshot(long polls, long finished, long skippedStillRunning, long skippedQueueFull, long timedOut,
                           long maxWaitMillis, long maxLatencyMillis, long totalRunMillis) {
    }

    void polled() {
        polls.incrementAndGet();
    }

    void skippedStillRunning() {
        skippedStillRunning.incrementAndGet();
    }

    void skippedQueueFull() {
        skippedQueueFull.incrementAndGet();
    }

    void timedOut() {
        timedOut.incrementAndGet();
    }

    /** A check ran: {@code polledAt}, {@code startedAt} and {@code endedAt} from {@link System#nanoTime()}. */
    void finished(long polledAt, long startedAt, long endedAt) {
        finished.incrementAndGet();
        maxWaitMillis.accumulateAndGet(millis(startedAt - polledAt), Math::max);
        maxLatencyMillis.accumulateAndGet(millis(endedAt - polledAt), Math::max);
        totalRunMillis.addAndGet(millis(endedAt - startedAt));
    }

    public Snapshot snapshot() {
        return new Snapshot(polls.get(), finished.get(), skippedStillRunning.get(), skippedQueueFull.get(), timedOut.get(),
                maxWaitMillis.get(), maxLatencyMillis.get(), totalRunMillis.get());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
