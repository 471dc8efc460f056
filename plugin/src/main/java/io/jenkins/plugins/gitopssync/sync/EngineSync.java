package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
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
     * @param secrets decryption keys and secret substitution values (null: none)
     * @param chart   a chart's expanded parameters and repository account
     */
    public record Call(SyncSpec options, Path repositoryRoot, String revision, String applySet, TrustedKeys trusted,
                       String origin, RenderSecrets secrets, ChartInputs chart) {

        public Call {
            secrets = secrets == null ? RenderSecrets.none() : secrets;
            chart = chart == null ? ChartInputs.NONE : chart;
        }

        /** Without decryption keys, secret variables or chart inputs. */
        public Call(SyncSpec options, Path repositoryRoot, String revision, String applySet, TrustedKeys trusted,
                    String origin) {
            this(options, repositoryRoot, revision, applySet, trusted, origin, null, null);
        }
    }

    /**
     * @param processes starts the programs the render needs (kubectl, helm), in the build's place and environment
     */
    public static SyncRequest request(Call call, ProcessRunner processes) {
        SyncSpec options = call.options();
        ManifestSource source = ChartRender.source(new ManifestSource(call.repositoryRoot(), call.revision(),
                options.pathOrRoot()));
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
                .renderOptions(call.secrets().options(options)
                        .withHelm(ChartRender.helmOptions(options, call.chart(), call.repositoryRoot()))
                        .withTools(new Tools(processes, options.kubectl(), options.helm())))
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
     * Syncs where this runs (the agent), starting every program (kubectl, helm, exec credential plugins) through
     * {@code processes}: kubectl would do all of it here, so the kubeconfig is used as kubectl would use it. Writes
     * the JSON report (every object with its diff) to {@code report} and returns the bounded record for
     * {@code build.xml}; the report stays a file, which the controller copies once into the build.
     *
     * @return the record; its report was written unless a warning in {@code log} says otherwise
     */
    public static SyncRecord run(Call call, ClusterConnection connection, ProcessRunner processes, SyncLog log, Path report) {
        SyncResult result;
        AccessOptions access = new AccessOptions(KubeconfigPolicy.TRUSTED, processes, Messages.EngineSync_WhereTheBuildRuns());
        try (GitOpsSync engine = new GitOpsSync(connection.open(access), log)) {
            result = engine.sync(request(call, processes));
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
            log.warn(Messages.EngineSync_ReportNotWritten(report, e.getMessage()));
        }
    }
}
