package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetNames;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.mask.MaskingLog;
import io.jenkins.plugins.gitopssync.engine.mask.SecretValues;
import io.jenkins.plugins.gitopssync.engine.plan.Placement;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.plan.Planner;
import io.jenkins.plugins.gitopssync.engine.render.ChartTarget;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.render.RenderedChart;
import io.jenkins.plugins.gitopssync.engine.render.Renderer;
import io.jenkins.plugins.gitopssync.engine.render.Rendering;
import io.jenkins.plugins.gitopssync.engine.report.EnginePhase;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.engine.substitute.Variables;
import io.jenkins.plugins.gitopssync.engine.time.Timing;
import io.jenkins.plugins.gitopssync.engine.verify.RevisionVerifier;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import io.jenkins.plugins.gitopssync.engine.verify.Signer;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One sync or dry run, start to end; {@link GitOpsSync#sync} creates one per call. Verifies, renders and
 * plans, then takes the dry-run path ({@link DryRunPath}) or, under the lease, the sync path
 * ({@link SyncPath}), and reports.
 */
final class SyncRun {

    private final ClusterAccess cluster;
    private final CollectingLog log;
    private final SyncRequest request;
    private final Consumer<String> phaseHook;
    private final Timing timing;
    private final Findings findings = new Findings();
    private final PhaseTimer timer = findings.timer();
    /** Values that must not leave memory (decrypted, substituted from secrets, secret chart parameters). */
    private final SecretValues secrets;
    /** Who signed the revision, when the request asked for a signature check. */
    private VerifiedRevision verification;
    /** The chart the path held, once rendered. */
    private RenderedChart chart;

    SyncRun(ClusterAccess cluster, SyncLog log, SyncRequest request, Consumer<String> phaseHook, Timing timing) {
        this.cluster = cluster;
        this.request = request;
        this.phaseHook = phaseHook;
        this.timing = timing;
        this.secrets = request.renderOptions().secrets();
        request.renderOptions().helm().secretValues().forEach(secrets::addCredential);
        // every line is masked with the values the render decrypts or substitutes, as soon as they are known
        this.log = new CollectingLog(new MaskingLog(log, secrets));
    }

    SyncResult run() {
        long started = System.nanoTime();
        long requestsBefore = cluster.requestCount();
        ExecutorService pool = workers();
        try {
            Prepared prepared = prepare();
            if (request.dryRun()) {
                dryRun(prepared.discovery(), prepared.plan(), pool);
            } else {
                sync(prepared.discovery(), prepared.plan(), pool);
            }
        } catch (SyncException e) {
            // not logged: the result carries it, and every caller prints the result's errors
            findings.errors().add(e.getMessage());
        } catch (RuntimeException e) {
            findings.errors().add("sync stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            pool.shutdownNow();
        }
        return result(started, requestsBefore);
    }

    private ExecutorService workers() {
        return Executors.newFixedThreadPool(request.concurrency(), r -> {
            Thread t = new Thread(r, "gitops-sync-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The plan, and the discovery it was made with (it knows the kinds that CRDs of the set define). */
    private record Prepared(Discovery discovery, Plan plan) {
    }

    /** Everything before the cluster's state is read: name check, signatures, render, discovery, plan. */
    private Prepared prepare() {
        checkApplySetName(request.applySetName());
        // before anything is rendered or read from the cluster: a refused revision costs no request
        if (request.signatureCheck() != null) {
            verification = timer.timed(EnginePhase.VERIFY, () -> verify(request.signatureCheck(), request.source().revision(), log));
        }
        RenderOptions options = timer.timed(EnginePhase.RENDER, () -> withVariables(request.renderOptions()));
        // a chart is rendered for the cluster (its version and API versions), so discovery comes first; a plain
        // render keeps its order and its requests
        boolean isChart = Renderer.isChart(request.source());
        Discovery early = isChart ? timer.timed(EnginePhase.PLAN, () -> Discovery.load(cluster)) : null;
        ChartTarget target = isChart ? timer.timed(EnginePhase.PLAN, () -> chartTarget(early)) : null;
        Rendering rendering = timer.timed(EnginePhase.RENDER, () -> GitOpsSync.render(request.source(), options, target, log));
        chart = rendering.chart();
        Discovery discovery = early != null ? early : timer.timed(EnginePhase.PLAN, () -> Discovery.load(cluster));
        Plan plan = timer.timed(EnginePhase.PLAN, () -> Planner.plan(rendering.manifests(), new Placement(request.applySetName(),
                request.applySetNamespace(), request.defaultNamespace(), request.targetNamespace()), discovery, log));
        refuseEmptyPrune(plan);
        return new Prepared(discovery, plan);
    }

    /** The substitution's variables, {@code substituteFrom} read from the ApplySet's namespace (Flux's precedence). */
    private RenderOptions withVariables(RenderOptions options) {
        if (options.substitution().isEmpty()) {
            return options;
        }
        return options.withVariables(Variables.resolve(options.substitution(), new KubeApi(cluster),
                request.applySetNamespace(), secrets::add));
    }

    /** Release name from the ApplySet, release namespace from the request, capabilities from the cluster. */
    private ChartTarget chartTarget(Discovery discovery) {
        String namespace = request.targetNamespace() != null ? request.targetNamespace() : request.defaultNamespace();
        return new ChartTarget(request.applySetName(), namespace, Discovery.serverVersion(cluster),
                List.copyOf(discovery.apiVersions()));
    }

    /** Null without a check; else who signed, or a {@link io.jenkins.plugins.gitopssync.engine.verify.SignatureException}. */
    static VerifiedRevision verify(SignatureCheck check, String revision, SyncLog log) {
        if (check == null) {
            return null;
        }
        if (!check.commit().equals(revision)) {
            throw new SyncException("the signature check is for " + check.commit() + " but the source is at " + revision
                    + "; nothing was read from or written to the cluster");
        }
        VerifiedRevision v = RevisionVerifier.verify(check);
        for (Signer s : v.signers()) {
            log.info("signature: " + s.describe());
        }
        return v;
    }

    /** The name becomes a Secret's and a Lease's name: refused before anything happens. */
    static void checkApplySetName(String name) {
        ApplySetNames.problem(name).ifPresent(problem -> {
            throw new SyncException(problem);
        });
    }

    private void refuseEmptyPrune(Plan plan) {
        if (plan.isEmpty() && request.prune() && !request.allowEmpty()) {
            throw new SyncException("the source rendered no objects and prune is on: that would delete every object of"
                    + " ApplySet " + request.applySetNamespace() + "/" + request.applySetName()
                    + "; nothing was changed (allow an empty set explicitly to do that)");
        }
    }

    /** No lease: a dry run writes nothing. */
    private void dryRun(Discovery discovery, Plan plan, ExecutorService pool) {
        KubeApi api = new KubeApi(cluster);
        phaseHook.accept(Progress.LEASED);
        new DryRunPath(context(api, discovery, pool)).run(plan);
    }

    private void sync(Discovery discovery, Plan plan, ExecutorService pool) {
        KubeApi unfenced = new KubeApi(cluster);
        SyncLease lease = SyncLease.acquire(unfenced, request.applySetName(), request.applySetNamespace(),
                request.leaseDuration(), log, timing);
        try {
            // every write of this sync passes the lease's fence: once overtaken, it writes nothing more
            SyncContext ctx = context(unfenced.fencedBy(lease), discovery, pool);
            phaseHook.accept(Progress.LEASED);
            new SyncPath(ctx, lease, verification).run(plan);
        } finally {
            lease.close();
        }
    }

    private SyncContext context(KubeApi api, Discovery discovery, ExecutorService pool) {
        ApplySetInventory inventory = new ApplySetInventory(api, request.applySetName(), request.applySetNamespace());
        return new SyncContext(request, api, discovery, inventory, findings, new Execution(pool, log, phaseHook, timing));
    }

    /** Not logged: every caller prints the result's {@link io.jenkins.plugins.gitopssync.engine.report.SummaryLine}. */
    private SyncResult result(long started, long requestsBefore) {
        List<ObjectResult> objects = findings.outcomes().all().stream().map(ObjectOutcome::result)
                .map(o -> secrets.isEmpty() ? o : o.masked(secrets::maskDiff)).toList();
        Totals totals = Totals.of(objects);
        return SyncResult.builder(request.source().revision(), request.source().path(), request.applySetName())
                .status(SyncStatus.of(!findings.errors().isEmpty(), totals, request.dryRun())).dryRun(request.dryRun())
                .objects(objects).totals(totals).phaseMillis(timer.millis())
                .durationMs((System.nanoTime() - started) / 1_000_000).apiRequests(cluster.requestCount() - requestsBefore)
                .errors(findings.errors()).warnings(log.warnings()).verification(verification)
                .waves(findings.steps().waves()).hooks(findings.steps().hooks()).chart(chart).build().masked(secrets::mask);
    }
}
