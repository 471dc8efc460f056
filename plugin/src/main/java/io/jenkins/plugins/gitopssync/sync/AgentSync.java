package io.jenkins.plugins.gitopssync.sync;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine in the agent's own JVM, in the checked-out repository's folder, so the cluster is reached
 * from where the build runs. Carries only plain data. Writes the JSON report to a file beside the checkout and
 * returns the bounded record as a plugin class, made here on the agent: the controller's class filter rejects
 * classes of plain library jars such as the engine's records, and the full result never crosses the channel
 * (the controller copies the report file once). An engine error the user can act on becomes an
 * AbortException: the build fails with its message, without a stack trace.
 */
final class AgentSync extends MasterToSlaveFileCallable<SyncRecord> {

    private static final long serialVersionUID = 1L;

    private final SyncOrder order;
    private final TaskListener listener;
    @SuppressFBWarnings(value = "SE_BAD_FIELD", justification = "a remoting proxy (serializable) or, on the controller, never serialized")
    private final ProcessRunner processes;

    /**
     * @param processes starts programs through the build's launcher: a proxy exported over the channel, so the
     *                  engine on the agent calls back to the controller, where the launcher is
     */
    AgentSync(SyncOrder order, TaskListener listener, ProcessRunner processes) {
        this.order = order;
        this.listener = listener;
        this.processes = processes;
    }

    @Override
    public SyncRecord invoke(File repositoryRoot, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return EngineSync.run(order.call(repositoryRoot.toPath()), order.connection(), processes,
                    new BuildLogSyncLog(listener), Path.of(order.report()));
        } catch (SyncException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
