package io.jenkins.plugins.gitopssync.engine.it;

import io.jenkins.plugins.gitopssync.engine.time.Timing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system's wall and monotonic clocks, each of which a test can move forward: what a stalled process
 * sees when it resumes (its monotonic clock jumped, or a resumed VM's wall clock), without waiting.
 */
final class MovableClocks {

    private final AtomicLong wallAhead = new AtomicLong();
    private final AtomicLong monotonicAhead = new AtomicLong();

    void moveWall(Duration by) {
        wallAhead.addAndGet(by.toNanos());
    }

    void moveMonotonic(Duration by) {
        monotonicAhead.addAndGet(by.toNanos());
    }

    Timing timing() {
        return Timing.SYSTEM.withClocks(new Wall(), () -> System.nanoTime() + monotonicAhead.get());
    }

    private final class Wall extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return Instant.now().plusNanos(wallAhead.get());
        }
    }
}
