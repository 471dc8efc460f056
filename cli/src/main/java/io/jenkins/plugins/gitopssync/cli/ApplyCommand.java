package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What diff and sync share: check out, connect, run the engine, print, write report and badge. */
abstract class ApplyCommand extends RenderCommand {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReportOptions reports;

    @Option(names = "--target-namespace", paramLabel = "NS",
            description = "Put every namespaced object in this namespace, whatever its manifest says.")
    String targetNamespace;

    @Option(names = "--concurrency", paramLabel = "N", description = "Parallel API requests per apply stage, 1 to "
            + SyncRequest.MAX_CONCURRENCY + ". Default: " + SyncRequest.DEFAULT_CONCURRENCY + ".")
    int concurrency;

    @Option(names = "--prune", description = "Delete objects this ApplySet applied before that are no longer in Git.")
    boolean prune;

    @Option(names = "--allow-empty",
            description = "Allow an empty render (with --prune: delete everything the ApplySet owns).")
    boolean allowEmpty;

    abstract boolean dryRun();

    abstract boolean waitForHealth();

    abstract Duration timeout();

    abstract boolean force();

    /** Only diff reads uncommitted files: a sync always applies a commit, so its revision means something. */
    boolean uncommitted() {
        return false;
    }

    /** Diffs are the point of a dry run; after a real sync they are shown with --verbose. */
    boolean showDiffs(Console console) {
        return dryRun() || console.verbose();
    }

    @Override
    public Integer call() {
        Environment env = parent.env();
        Console console = env.console(output);
        String name = null;
        String revision = null;
        try {
            name = applySet.name(source, env);
            RefOption.Checkout checkout = ref.checkout(env, console, source, uncommitted(), signatures);
            ManifestSource manifests = checkout.source();
            revision = manifests.revision();
            SyncRequest request = SyncRequest.builder(manifests, name)
                    .applySetNamespace(applySet.namespace)
                    .defaultNamespace(applySet.namespace)
                    .targetNamespace(targetNamespace)
                    .prune(prune)
                    .allowEmpty(allowEmpty)
                    .dryRun(dryRun())
                    .force(force())
                    .waitForHealth(waitForHealth())
                    .timeout(timeout())
                    .concurrency(concurrency)
                    .verifySignatures(checkout.signatureCheck())
                    .origin(env.origin())
                    .renderOptions(render.options(env))
                    .build();
            ClusterAccess access = cluster.connect(env, console);
            SyncResult result;
            try (GitOpsSync engine = new GitOpsSync(access, new ConsoleSyncLog(console))) {
                console.progress((dryRun() ? "diff" : "sync") + ": applyset " + name + " in namespace "
                        + applySet.namespace + ", path " + manifests.path());
                result = engine.sync(request);
            }
            new ResultPrinter(console).print(result, showDiffs(console));
            reports.write(result, env, console);
            return ExitCodes.of(result);
        } catch (RuntimeException e) {
            writeFailure(env, console, name, revision, e);
            throw e;
        }
    }

    /** A failure before the engine produced a result (Git, kubeconfig...) still leaves a report and a badge. */
    private void writeFailure(Environment env, Console console, String name, String revision, RuntimeException e) {
        if (reports.report == null && reports.badge == null) {
            return;
        }
        SyncResult failed = SyncResult.builder(revision == null ? "" : revision, source.path, name == null ? "" : name)
                .status(SyncStatus.Failed).dryRun(dryRun())
                .errors(List.of(env.redactor().redact(String.valueOf(e.getMessage())))).build();
        try {
            reports.write(failed, env, console);
        } catch (RuntimeException ignored) {
            // the original error matters more than the report that could not be written
        }
    }
}
