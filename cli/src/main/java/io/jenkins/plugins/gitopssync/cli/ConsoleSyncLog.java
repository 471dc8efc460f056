package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncLog;

/** The engine's progress (render, stages, prune, health wait) as stderr lines. */
final class ConsoleSyncLog implements SyncLog {

    private final Console console;

    ConsoleSyncLog(Console console) {
        this.console = console;
    }

    @Override
    public void info(String message) {
        console.progress(message);
    }

    @Override
    public void warn(String message) {
        console.warn(message);
    }

    @Override
    public void debug(String message) {
        console.debug(message);
    }
}
