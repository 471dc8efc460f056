package io.jenkins.plugins.gitopssync;

import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import java.io.Serializable;

/**
 * The engine's progress, written to the build log. Created on the agent from the build's
 * TaskListener (remotable), so lines appear as the sync runs. The engine masks secrets before logging.
 */
final class BuildLogSyncLog implements SyncLog, Serializable {

    private static final long serialVersionUID = 1L;

    private final TaskListener listener;

    BuildLogSyncLog(TaskListener listener) {
        this.listener = listener;
    }

    @Override
    public void info(String message) {
        listener.getLogger().println("[gitopsSync] " + message);
    }

    @Override
    public void warn(String message) {
        listener.getLogger().println("[gitopsSync] WARNING: " + message);
    }
}
