package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.report.HookResult;
import io.jenkins.plugins.gitopssync.engine.report.WaveResult;
import java.util.ArrayList;
import java.util.List;

/** The waves and hooks of one sync or dry run, in the order they ran (or would), for the result. */
final class StepRecords {

    private final List<WaveResult> waves = new ArrayList<>();
    private final List<HookResult> hooks = new ArrayList<>();

    synchronized void wave(WaveResult wave) {
        waves.add(wave);
    }

    synchronized void hooks(List<HookResult> results) {
        hooks.addAll(results);
    }

    synchronized List<WaveResult> waves() {
        return List.copyOf(waves);
    }

    synchronized List<HookResult> hooks() {
        return List.copyOf(hooks);
    }
}
