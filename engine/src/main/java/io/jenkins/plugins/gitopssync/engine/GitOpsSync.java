package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.mask.MaskingLog;
import io.jenkins.plugins.gitopssync.engine.render.ChartTarget;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.render.Renderer;
import io.jenkins.plugins.gitopssync.engine.render.Rendering;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.time.Timing;
import java.util.List;
import java.util.function.Consumer;

/**
 * The facade: runs render, plan, diff, apply, prune and health in order. One instance per cluster
 * connection; not thread-safe across concurrent syncs of the same ApplySet (the lease guards that).
 */
public final class GitOpsSync implements AutoCloseable {

    private final ClusterAccess cluster;
    private final SyncLog log;
    private volatile Consumer<String> phaseHook = p -> { };
    private volatile Timing timing = Timing.SYSTEM;

    public GitOpsSync(ClusterAccess cluster, SyncLog log) {
        this.cluster = cluster;
        this.log = log == null ? SyncLog.SILENT : log;
    }

    /**
     * Verifies the revision's signatures (no cluster needed): who signed, or a
     * {@link io.jenkins.plugins.gitopssync.engine.verify.SignatureException} naming revision, key and reason.
     * {@link #sync} does this itself when the request carries a check; {@code build} callers call it first.
     */
    public static io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision verify(
            io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck check, SyncLog log) {
        return SyncRun.verify(check, check.commit(), log == null ? SyncLog.SILENT : log);
    }

    /** Renders the source (no cluster needed). Throws {@link SyncException} naming file and line. */
    public static List<Manifest> render(ManifestSource source, SyncLog log) {
        return render(source, RenderOptions.defaults(), log);
    }

    /** Renders the source with the given programs and options (no cluster needed); the log is masked with its secrets. */
    public static List<Manifest> render(ManifestSource source, RenderOptions options, SyncLog log) {
        return render(source, options, null, log).manifests();
    }

    /**
     * Renders the source; a chart with the given release name, namespace and capabilities (null: Helm's
     * defaults). The result names the chart when the path is one. Every line logged is masked with the values
     * the render decrypts or is given as secret.
     */
    public static Rendering render(ManifestSource source, RenderOptions options, ChartTarget target, SyncLog log) {
        RenderOptions o = options == null ? RenderOptions.defaults() : options;
        o.helm().secretValues().forEach(o.secrets()::addCredential);
        SyncLog masked = new MaskingLog(log == null ? SyncLog.SILENT : log, o.secrets());
        return Renderer.render(source, o, target, masked);
    }

    /**
     * Syncs (or, with {@code request.dryRun()}, diffs). Per-object failures are recorded in the result,
     * whose status is then Failed; a failure before any object is touched (render, plan, cluster
     * unreachable, lease held) is also returned as a Failed result with the message in {@code errors}.
     */
    public SyncResult sync(SyncRequest request) {
        return new SyncRun(cluster, log, request, phaseHook, timing).run();
    }

    /**
     * Observes the sync's progress: the points of {@link Progress}, in its order. A hook that throws stops the sync
     * there, as a killed process would; one that blocks pauses it. Tests use it to prove that interrupted and
     * overtaken syncs converge.
     */
    public void setPhaseHook(Consumer<String> hook) {
        this.phaseHook = hook == null ? p -> { } : hook;
    }

    /**
     * The clocks the lease and the inventory read and the waits no request sets; {@link Timing#SYSTEM}
     * unless a test moves a clock (a stall without waiting for it) or shortens a wait.
     */
    public void setTiming(Timing timing) {
        this.timing = timing == null ? Timing.SYSTEM : timing;
    }

    /**
     * The inventory's state without a source: last applied revision, object count and drifted objects,
     * found by the fingerprints recorded at the last sync (one LIST per kind, no dry run: without the
     * source there is nothing to dry-run, so drifted objects carry no diff). Throws {@link SyncException}
     * when the cluster cannot be reached or the parent belongs to another tool.
     */
    public InventoryStatus status(String applySetName, String applySetNamespace) {
        return new StatusCheck(cluster, log).check(applySetName, applySetNamespace);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
