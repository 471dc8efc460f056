package io.jenkins.plugins.gitopssync.engine.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts HTTP requests sent to the API server (fed by a client interceptor), in total and per method. */
public final class RequestCounter {

    private final AtomicLong count = new AtomicLong();
    private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();

    public void increment() {
        count.incrementAndGet();
    }

    public void increment(String method) {
        count.incrementAndGet();
        byMethod.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
    }

    public long count() {
        return count.get();
    }

    /** Requests per HTTP method so far ("GET" → 12, "PATCH" → 3). */
    public Map<String, Long> byMethod() {
        Map<String, Long> out = new TreeMap<>();
        byMethod.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
