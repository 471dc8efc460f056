package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.io.PrintStream;

/**
 * The engine's progress as build log lines, each flushed at once (a Pipeline's remote log buffers for seconds,
 * which would show the progress late, after the summary the controller writes). The engine masks secrets
 * before logging. Where the lines go is the subclass's: the build's listener in the agent's JVM, standard output
 * in a child JVM (which the build's launcher copies into the build log).
 */
abstract class PrefixedSyncLog implements SyncLog {

    /** Where the next line goes. */
    protected abstract PrintStream stream();

    @Override
    public void info(String message) {
        line(SyncRunner.PREFIX + message);
    }

    @Override
    public void warn(String message) {
        line(SyncRunner.PREFIX + Messages.BuildLogSyncLog_Warning(message));
    }

    private void line(String text) {
        PrintStream out = stream();
        out.println(text);
        out.flush();
    }
}
