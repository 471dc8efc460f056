package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import io.jenkins.plugins.gitopssync.engine.report.InventoryStatus;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.util.List;

/**
 * The facade: runs render, plan, diff, apply, prune and health in order. One instance per cluster
 * connection; not thread-safe across concurrent syncs of the same ApplySet (the lease guards that).
 */
public final class GitOpsSync implements AutoCloseable {

    private final ClusterAccess cluster;
    private final SyncLog log;

    public GitOpsSync(ClusterAccess cluster, SyncLog log) {
        this.cluster = cluster;
        this.log = log == null ? SyncLog.SILENT : log;
    }

    /** Renders the source (no cluster needed). Throws {@link SyncException} naming file and line. */
    public static List<Manifest> render(ManifestSource source, SyncLog log) {
        return io.jenkins.plugins.gitopssync.engine.render.Renderer.render(source, log);
    }

    /**
     * Syncs (or, with {@code request.dryRun()}, diffs). Per-object failures are recorded in the result,
     * whose status is then Failed; a failure before any object is touched (render, plan, cluster
     * unreachable, lease held) is also returned as a Failed result with the message in {@code errors}.
     */
    public SyncResult sync(SyncRequest request) {
        throw new UnsupportedOperationException("not yet built");
    }

    /**
     * The inventory's state without a source: last applied revision, object count and drifted objects,
     * found by the fast path (one LIST per kind), confirmed by a dry run only where a fingerprint moved.
     */
    public InventoryStatus status(String applySetName, String applySetNamespace) {
        throw new UnsupportedOperationException("not yet built");
    }

    @Override
    public void close() {
        cluster.close();
    }
}
