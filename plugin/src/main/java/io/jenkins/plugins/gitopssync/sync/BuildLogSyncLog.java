package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.io.PrintStream;
import java.io.Serializable;

/**
 * The engine's progress, written to the build log. Created on the agent from the build's
 * TaskListener (remotable). Each line is flushed: a Pipeline's remote log buffers for seconds, which
 * would show the progress late, after the summary the controller writes. The engine masks secrets
 * before logging.
 */
final class BuildLogSyncLog implements SyncLog, Serializable {

    private static final long serialVersionUID = 1L;

    private final TaskListener listener;

    BuildLogSyncLog(TaskListener listener) {
        this.listener = listener;
    }

    @Override
    public void info(String message) {
        line(SyncRunner.PREFIX + message);
    }

    @Override
    public void warn(String message) {
        line(SyncRunner.PREFIX + Messages.BuildLogSyncLog_Warning(message));
    }

    private void line(String text) {
        PrintStream out = listener.getLogger();
        out.println(text);
        out.flush();
    }
}
