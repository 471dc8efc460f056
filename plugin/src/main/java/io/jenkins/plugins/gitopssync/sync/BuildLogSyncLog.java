package io.jenkins.plugins.gitopssync.sync;

import hudson.model.TaskListener;
import java.io.PrintStream;
import java.io.Serializable;

/** The engine's progress, written to the build log. Created on the agent from the build's TaskListener (remotable). */
final class BuildLogSyncLog extends PrefixedSyncLog implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TaskListener listener;

    BuildLogSyncLog(TaskListener listener) {
        this.listener = listener;
    }

    @Override
    protected PrintStream stream() {
        return listener.getLogger();
    }
}
