package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The engine call that {@link AgentSync} makes on the agent: options to request, sync, result to the
 * plugin's record and JSON report. Free of Jenkins types, so it is tested against the test cluster
 * without Jenkins. Throws the engine's SyncException for failures the user can act on.
 */
@Restricted(NoExternalUse.class)
public final class EngineSync {

    private EngineSync() {
    }

    /**
     * One sync of a checked-out revision.
     *
     * @param trusted the keys to verify the revision's signatures against, or null when they are not checked
     * @param origin  who runs it, for the audit trail in the ApplySet parent (build URL and user)
     */
    public record Call(SyncSpec options, Path repositoryRoot, String revision, String applySet, TrustedKeys trusted,
                       String origin) {
    }

    public static SyncRequest request(Call call) {
        SyncSpec options = call.options();
        ManifestSource source = new ManifestSource(call.repositoryRoot(), call.revision(), options.pathOrRoot());
        return SyncRequest.builder(source, call.applySet())
                .applySetNamespace(options.namespace())
                .defaultNamespace(options.namespace())
                .targetNamespace(options.targetNamespace())
                .prune(options.prune())
                .dryRun(options.dryRun())
                .force(options.force())
                .waitForHealth(options.waitForHealth())
                .timeout(options.timeoutDuration())
                .concurrency(options.concurrency())
                .verifySignatures(call.trusted() == null ? null
                        : signatureCheck(options, call.repositoryRoot(), call.revision(), call.trusted()))
                .origin(call.origin())
                .build();
    }

    /**
     * The engine's check of a checkout's signatures (a build's, or the trigger's), or null when the options
     * verify none; the tag is the ref asked for (the engine says if it is none).
     */
    public static SignatureCheck signatureCheck(SyncSpec options, Path repositoryRoot, String revision, TrustedKeys trusted) {
        if (options.verifyMode() == null) {
            return null;
        }
        String ref = options.ref();
        String tag = ref == null || Revisions.isCommitId(ref) ? null : ref;
        return new SignatureCheck(repositoryRoot.resolve(".git"), revision, tag, options.verifyMode(), trusted);
    }

    /**
     * Syncs, writes the JSON report (every object with its diff) to {@code report}, and returns the bounded record
     * for {@code build.xml}. The report stays a file: the controller copies it once into the build.
     *
     * @return the record; its report was written unless a warning in {@code log} says otherwise
     */
    public static SyncRecord run(Call call, ClusterConnection connection, SyncLog log, Path report) {
        SyncResult result;
        try (GitOpsSync engine = new GitOpsSync(connection.open(), log)) {
            result = engine.sync(request(call));
        }
        SyncSpec options = call.options();
        writeReport(result, report, log);
        return SyncRecord.of(result, UrlRedaction.redact(options.url()), options.refOrHead());
    }

    private static void writeReport(SyncResult result, Path report, SyncLog log) {
        try {
            Files.deleteIfExists(report);
            JsonReport.write(result, report);
        } catch (IOException | RuntimeException e) {
            log.warn("could not write the JSON report " + report + ": " + e.getMessage());
        }
    }
}
