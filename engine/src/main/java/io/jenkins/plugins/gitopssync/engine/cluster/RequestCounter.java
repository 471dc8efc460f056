package io.jenkins.plugins.gitopssync.engine.cluster;

import java.util.concurrent.atomic.AtomicLong;

/** Counts HTTP requests sent to the API server (fed by a client interceptor). */
public final class RequestCounter {

    private final AtomicLong count = new AtomicLong();

    public void increment() {
        count.incrementAndGet();
    }

    public long count() {
        return count.get();
    }
}
