package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.report.EnginePhase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Milliseconds spent per phase of one sync; a phase timed twice adds up. */
final class PhaseTimer {

    private final Map<String, Long> millis = new LinkedHashMap<>();

    <T> T timed(EnginePhase phase, Supplier<T> body) {
        long t0 = System.nanoTime();
        try {
            return body.get();
        } finally {
            millis.merge(phase.key(), (System.nanoTime() - t0) / 1_000_000, Long::sum);
        }
    }

    void timed(EnginePhase phase, Runnable body) {
        timed(phase, () -> {
            body.run();
            return null;
        });
    }

    Map<String, Long> millis() {
        return millis;
    }
}
