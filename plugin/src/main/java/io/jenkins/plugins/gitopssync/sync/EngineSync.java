package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.nio.file.Path;

/**
 * The engine call that {@link AgentSync} makes on the agent: options to request, sync, result to the
 * plugin's record and JSON report. Free of Jenkins types, so it is tested against the test cluster
 * without Jenkins. Throws the engine's SyncException for failures the user can act on.
 */
public final class EngineSync {

    private EngineSync() {
    }

    public static SyncRequest request(SyncSpec options, Path repositoryRoot, String revision, String applySet) {
        ManifestSource source = new ManifestSource(repositoryRoot, revision, options.pathOrRoot());
        return SyncRequest.builder(source, applySet)
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
    }

    public static AgentSyncOutput run(SyncSpec options, Path repositoryRoot, String revision, String applySet,
                                      ClusterConnection connection, SyncLog log) {
        SyncResult result;
        try (GitOpsSync engine = new GitOpsSync(connection.open(), log)) {
            result = engine.sync(request(options, repositoryRoot, revision, applySet));
        }
        return new AgentSyncOutput(SyncRecord.of(result, GitRefs.safeUrl(options.url()), options.refOrHead()), json(result, log));
    }

    private static String json(SyncResult result, SyncLog log) {
        try {
            return JsonReport.toJson(result);
        } catch (RuntimeException e) {
            log.warn("could not write the JSON report: " + e.getMessage());
            return null;
        }
    }
}
