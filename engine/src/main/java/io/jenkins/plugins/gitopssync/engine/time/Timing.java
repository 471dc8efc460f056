package io.jenkins.plugins.gitopssync.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The engine's clocks and the waits no request sets. Production uses {@link #SYSTEM}; tests move a clock
 * (a stall, or a clock that runs ahead, without waiting for it) or shorten a wait, against the real API
 * server. See {@link io.jenkins.plugins.gitopssync.engine.GitOpsSync#setTiming}.
 *
 * @param wall         wall-clock time: the lease's renew times and the expiry of others' leases, the
 *                     inventory's timestamps and displaced syncs' grace periods
 * @param nanos        monotonic time, as {@link System#nanoTime()}: how long ago the lease was confirmed
 * @param healthPoll   the pause between two rounds of the health wait
 * @param leaseRelease how long giving the lease back may take at the end (it expires by itself anyway)
 */
public record Timing(Clock wall, LongSupplier nanos, Duration healthPoll, Duration leaseRelease) {

    public static final Timing SYSTEM = new Timing(Clock.systemUTC(), System::nanoTime, Duration.ofSeconds(1),
            Duration.ofSeconds(10));

    public Timing {
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(nanos, "nanos");
        if (healthPoll == null || healthPoll.isNegative() || healthPoll.isZero()) {
            throw new IllegalArgumentException("healthPoll must be positive: " + healthPoll);
        }
        if (leaseRelease == null || leaseRelease.isNegative() || leaseRelease.isZero()) {
            throw new IllegalArgumentException("leaseRelease must be positive: " + leaseRelease);
        }
    }

    public Timing withClocks(Clock wall, LongSupplier nanos) {
        return new Timing(wall, nanos, healthPoll, leaseRelease);
    }

    public Timing withHealthPoll(Duration poll) {
        return new Timing(wall, nanos, poll, leaseRelease);
    }

    public Timing withLeaseRelease(Duration release) {
        return new Timing(wall, nanos, healthPoll, release);
    }
}
