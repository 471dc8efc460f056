package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.time.Timing;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * How one sync runs: its worker threads (one apply stage's requests at once), its log (masked, warnings kept), the
 * hook that observes its {@link Progress}, and its clocks.
 */
record Execution(ExecutorService pool, SyncLog log, Consumer<String> phaseHook, Timing timing) {
}
