package io.jenkins.plugins.gitopssync.sync;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;
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
    @SuppressFBWarnings(value = "SE_BAD_FIELD", justification = "a remoting proxy (serializable) or, on the controller, never serialized")
    private final ProcessRunner processes;
    private RenderSecrets renderSecrets = RenderSecrets.none();
    private final ChartInputs chart;
    private final String report;

    /**
     * @param processes starts programs through the build's launcher: a proxy exported over the channel, so the
     *                  engine on the agent calls back to the controller, where the launcher is
     * @param report    where on the agent to write the JSON report
     */
    AgentSync(SyncSpec options, String revision, String applySet, ClusterConnection connection, TrustedKeys trusted,
              String origin, TaskListener listener, ProcessRunner processes, ChartInputs chart, String report) {
        this.options = options;
        this.revision = revision;
        this.applySet = applySet;
        this.connection = connection;
        this.trusted = trusted;
        this.origin = origin;
        this.listener = listener;
        this.processes = processes;
        this.chart = chart;
        this.report = report;
    }

    /** The decryption keys and secret variables of the render (credentials resolved on the controller). */
    AgentSync withRenderSecrets(RenderSecrets secrets) {
        this.renderSecrets = secrets;
        return this;
    }

    @Override
    public SyncRecord invoke(File repositoryRoot, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return EngineSync.run(new EngineSync.Call(options, repositoryRoot.toPath(), revision, applySet, trusted, origin,
                    renderSecrets, chart), connection, processes, new BuildLogSyncLog(listener), Path.of(report));
        } catch (SyncException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
