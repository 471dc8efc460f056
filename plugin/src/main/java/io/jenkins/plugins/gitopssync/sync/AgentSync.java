package io.jenkins.plugins.gitopssync.sync;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent, in the checked-out repository's folder, so the cluster is reached
 * from where the build runs. Carries only plain data. Writes the JSON report to a file beside the checkout and
 * returns the bounded record as a plugin class, made here on the agent: the controller's class filter rejects
 * classes of plain library jars such as the engine's records, and the full result never crosses the channel
 * (the controller copies the report file once). An engine error the user can act on becomes an
 * AbortException: the build fails with its message, without a stack trace.
 */
final class AgentSync extends MasterToSlaveFileCallable<SyncRecord> {

    private static final long serialVersionUID = 1L;

    private final SyncSpec options;
    private final String revision;
    private final String applySet;
    private final ClusterConnection connection;
    private final TrustedKeys trusted;
    private final String origin;
    private final TaskListener listener;
    private final String report;

    /** {@code report}: where on the agent to write the JSON report. */
    AgentSync(SyncSpec options, String revision, String applySet, ClusterConnection connection, TrustedKeys trusted,
              String origin, TaskListener listener, String report) {
        this.options = options;
        this.revision = revision;
        this.applySet = applySet;
        this.connection = connection;
        this.trusted = trusted;
        this.origin = origin;
        this.listener = listener;
        this.report = report;
    }

    @Override
    public SyncRecord invoke(File repositoryRoot, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return EngineSync.run(new EngineSync.Call(options, repositoryRoot.toPath(), revision, applySet, trusted, origin),
                    connection, new BuildLogSyncLog(listener), Path.of(report));
        } catch (SyncException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
