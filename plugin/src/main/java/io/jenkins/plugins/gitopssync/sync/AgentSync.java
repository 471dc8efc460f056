package io.jenkins.plugins.gitopssync.sync;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent, in the checked-out repository's folder, so the cluster is reached
 * from where the build runs. Carries only plain data; returns the result as plugin classes
 * ({@link AgentSyncOutput}), converted here on the agent. An engine error the user can act on becomes
 * an AbortException: the build fails with its message, without a stack trace.
 */
final class AgentSync extends MasterToSlaveFileCallable<AgentSyncOutput> {

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

    /**
     * @param processes starts programs through the build's launcher: a proxy exported over the channel, so the
     *                  engine on the agent calls back to the controller, where the launcher is
     */
    AgentSync(SyncSpec options, String revision, String applySet, ClusterConnection connection, TrustedKeys trusted,
              String origin, TaskListener listener, ProcessRunner processes, ChartInputs chart) {
        this.options = options;
        this.revision = revision;
        this.applySet = applySet;
        this.connection = connection;
        this.trusted = trusted;
        this.origin = origin;
        this.listener = listener;
        this.processes = processes;
        this.chart = chart;
    }

    /** The decryption keys and secret variables of the render (credentials resolved on the controller). */
    AgentSync withRenderSecrets(RenderSecrets secrets) {
        this.renderSecrets = secrets;
        return this;
    }

    @Override
    public AgentSyncOutput invoke(File repositoryRoot, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return EngineSync.run(new EngineSync.Call(options, repositoryRoot.toPath(), revision, applySet, trusted, origin,
                    renderSecrets, chart), connection, processes, new BuildLogSyncLog(listener));
        } catch (SyncException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
