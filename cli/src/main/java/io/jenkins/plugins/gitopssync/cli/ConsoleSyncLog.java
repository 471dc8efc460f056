package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.util.regex.Pattern;

/**
 * The engine's progress (render, stages, CRD wait, health wait) as stderr lines. The engine's
 * per-object lines and its closing summary repeat what the CLI prints on stdout at the end, so on a
 * terminal they would show every object twice: they are shown with --verbose only.
 */
final class ConsoleSyncLog implements SyncLog {

    private static final Pattern REPEATED_ON_STDOUT = Pattern.compile(
            "^((created|configured|unchanged|pruned|would create|would configure|would prune|would keep) \\S"
                    + "|(sync|diff) (Synced|Drift|OutOfSync|Failed) at )");

    private final Console console;

    ConsoleSyncLog(Console console) {
        this.console = console;
    }

    @Override
    public void info(String message) {
        if (REPEATED_ON_STDOUT.matcher(message).find()) {
            console.debug(message);
        } else {
            console.progress(message);
        }
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
