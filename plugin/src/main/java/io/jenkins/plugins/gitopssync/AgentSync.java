package io.jenkins.plugins.gitopssync;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent, in the checked-out repository's folder, so the cluster is reached
 * from where the build runs. Carries only plain data; returns the result as plugin classes
 * ({@link AgentSyncOutput}), converted here on the agent.
 * An engine error the user can act on becomes an AbortException: the build fails with its message,
 * without a stack trace.
 */
final class AgentSync extends MasterToSlaveFileCallable<AgentSyncOutput> {

    private static final long serialVersionUID = 1L;

    private final SyncOptions options;
    private final String revision;
    private final String applySet;
    private final ClusterConnection connection;
    private final TaskListener listener;

    AgentSync(SyncOptions options, String revision, String applySet, ClusterConnection connection, TaskListener listener) {
        this.options = options;
        this.revision = revision;
        this.applySet = applySet;
        this.connection = connection;
        this.listener = listener;
    }

    @Override
    public AgentSyncOutput invoke(File repositoryRoot, VirtualChannel channel) throws IOException, InterruptedException {
        ManifestSource source = new ManifestSource(repositoryRoot.toPath(), revision, options.pathOrRoot());
        SyncRequest request = SyncRequest.builder(source, applySet)
                .applySetNamespace(options.namespace())
                .defaultNamespace(options.namespace())
                .targetNamespace(options.targetNamespace())
                .prune(options.prune())
                .dryRun(options.dryRun())
                .force(options.force())
                .waitForHealth(options.waitForHealth())
                .timeout(options.timeoutDuration())
                .concurrency(options.concurrency())
                .build();
        SyncResult result;
        try (GitOpsSync engine = new GitOpsSync(connection.open(), new BuildLogSyncLog(listener))) {
            result = engine.sync(request);
        } catch (SyncException e) {
            throw new AbortException(e.getMessage());
        }
        return new AgentSyncOutput(SyncRecord.of(result, GitRefs.safeUrl(options.url()), options.refOrHead()), json(result));
    }

    private String json(SyncResult result) {
        try {
            return JsonReport.toJson(result);
        } catch (RuntimeException e) {
            listener.getLogger().println("[gitopsSync] WARNING: could not write the JSON report: " + e.getMessage());
            return null;
        }
    }
}
