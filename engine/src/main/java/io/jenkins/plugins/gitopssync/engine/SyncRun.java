package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.apply.Applier;
import io.jenkins.plugins.gitopssync.engine.apply.CrdWaiter;
import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.apply.OtherOwner;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.health.HealthChecker;
import io.jenkins.plugins.gitopssync.engine.health.HealthStatus;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetNames;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetParent;
import io.jenkins.plugins.gitopssync.engine.inventory.AuditEntry;
import io.jenkins.plugins.gitopssync.engine.inventory.InventoryData;
import io.jenkins.plugins.gitopssync.engine.inventory.MemberReader;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.inventory.DisplacedSync;
import io.jenkins.plugins.gitopssync.engine.lease.LeaseLostException;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.plan.Placement;
import io.jenkins.plugins.gitopssync.engine.plan.Plan;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import io.jenkins.plugins.gitopssync.engine.plan.Planner;
import io.jenkins.plugins.gitopssync.engine.prune.Pruner;
import io.jenkins.plugins.gitopssync.engine.render.Manifest;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.engine.time.Timing;
import io.jenkins.plugins.gitopssync.engine.verify.RevisionVerifier;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import io.jenkins.plugins.gitopssync.engine.verify.Signer;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One sync or dry run, start to end; {@link GitOpsSync#sync} creates one per call. */
final class SyncRun {

    private final ClusterAccess cluster;
    private final SyncLog log;
    /** The caller's log: errors go there once, not also into warnings. */
    private final SyncRequest request;
    private final Consumer<String> phaseHook;
    private final Timing timing;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Long> phases = new LinkedHashMap<>();
    /** Outcomes by object key, in plan order then prune order. */
    private final Map<String, ObjectOutcome> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> health = new LinkedHashMap<>();
    private SyncLease lease;
    /** Who signed the revision, when the request asked for a signature check. */
    private VerifiedRevision verification;
    /** Objects applied so far (for the phase hook). */
    private final AtomicInteger appliedCount = new AtomicInteger();

    SyncRun(ClusterAccess cluster, SyncLog log, SyncRequest request, Consumer<String> phaseHook, Timing timing) {
        this.cluster = cluster;
        this.request = request;
        this.phaseHook = phaseHook;
        this.timing = timing;
        // workers log in parallel; the caller's log sees one call at a time
        this.log = new SyncLog() {
            @Override
            public synchronized void info(String message) {
                log.info(message);
            }

            @Override
            public synchronized void warn(String message) {
                warnings.add(message);
                log.warn(message);
            }

            @Override
            public synchronized void debug(String message) {
                log.debug(message);
            }
        };
    }

    SyncResult run() {
        long started = System.nanoTime();
        long requestsBefore = cluster.requestCount();
        ExecutorService pool = Executors.newFixedThreadPool(request.concurrency(), r -> {
            Thread t = new Thread(r, "gitops-sync-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            checkApplySetName(request.applySetName());
            // before anything is rendered or read from the cluster: a refused revision costs no request
            if (request.signatureCheck() != null) {
                verification = timed("verify", () -> verify(request.signatureCheck(), request.source().revision(), log));
            }
            List<Manifest> manifests = timed("render", () -> GitOpsSync.render(request.source(), log));
            Discovery discovery = timed("plan", () -> Discovery.load(cluster));
            Plan plan = timed("plan", () -> Planner.plan(manifests, new Placement(request.applySetName(),
                    request.applySetNamespace(), request.defaultNamespace(), request.targetNamespace()), discovery, log));
            if (plan.isEmpty() && request.prune() && !request.allowEmpty()) {
                throw new SyncException("the source rendered no objects and prune is on: that would delete every object of"
                        + " ApplySet " + request.applySetNamespace() + "/" + request.applySetName()
                        + "; nothing was changed (allow an empty set explicitly to do that)");
            }
            KubeApi unfenced = new KubeApi(cluster);
            SyncLease lease = request.dryRun() ? null : SyncLease.acquire(unfenced, request.applySetName(),
                    request.applySetNamespace(), request.leaseDuration(), log, timing);
            this.lease = lease;
            // every write of this sync passes the lease's fence: once overtaken, it writes nothing more
            KubeApi api = lease == null ? unfenced : unfenced.fencedBy(lease);
            ApplySetInventory inventory = new ApplySetInventory(api, request.applySetName(), request.applySetNamespace());
            try {
                phaseHook.accept("leased");
                execute(api, discovery, inventory, plan, pool);
            } finally {
                if (lease != null) {
                    lease.close();
                }
            }
        } catch (SyncException e) {
            // not logged: the result carries it, and every caller prints the result's errors
            errors.add(e.getMessage());
        } catch (RuntimeException e) {
            errors.add("sync stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            pool.shutdownNow();
        }
        return result(started, requestsBefore);
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

    private void execute(KubeApi api, Discovery discovery, ApplySetInventory inventory, Plan plan, ExecutorService pool) {
        // reading the live state is the first part of diffing (dry run) or applying (sync)
        String readPhase = request.dryRun() ? "diff" : "apply";
        ApplySetParent parent = timed(readPhase, inventory::read);
        SortedSet<String> kinds = new TreeSet<>(parent.groupKinds());
        kinds.addAll(plan.groupKinds());
        SortedSet<String> namespaces = new TreeSet<>(parent.allNamespaces());
        namespaces.addAll(plan.namespaces());
        MemberReader.Members live = timed(readPhase, () -> MemberReader.read(api, discovery,
                inventory.id(), kinds, namespaces, pool, log));
        Map<String, Map<String, Object>> members = live.byKey();
        Map<String, String> otherOwners = live.otherOwners();
        Map<String, ObjectRecord> records = parent.data().byKey();
        phaseHook.accept("read");
        Applier applier = new Applier(api, log, request.force(), request.timeout(), inventory.id());
        Pruner pruner = new Pruner(api, discovery, log, pool);
        List<ObjectRef> stale = request.prune() ? Pruner.candidates(members, plan.byKey().keySet()) : List.of();

        if (request.dryRun()) {
            timed("diff", () -> {
                runAll(plan.objects(), p -> unlessOwnedElsewhere(p, otherOwners, records,
                        () -> applier.diff(p, members.get(p.ref().key()), records.get(p.ref().key()))), pool);
                return null;
            });
            pruner.preview(stale, members, records).forEach(o -> outcomes.put(o.ref().key(), o));
            outcomes.values().forEach(this::logPreview);
            return;
        }

        List<DisplacedSync> displacedNow = lease.displaced().map(d -> List.of(DisplacedSync.of(d.holder(),
                d.leaseDuration(), parent, timing.wall().instant().getEpochSecond()))).orElse(List.of());
        lease.startBatch("recording the new kinds in the inventory");
        ApplySetParent wide = timed("apply", () -> inventory.widen(parent, plan.groupKinds(), plan.namespaces(),
                displacedNow));
        phaseHook.accept("widened");
        boolean applied = timed("apply", () -> applyStages(plan, members, otherOwners, records, applier, api,
                inventory.id(), pool));
        phaseHook.accept("applied");
        List<ObjectOutcome> pruned = new ArrayList<>();
        if (applied && request.prune()) {
            lease.startBatch("pruning");
            AtomicInteger prunedCount = new AtomicInteger();
            pruned = timed("prune", () -> pruner.prune(stale, members, records,
                    () -> phaseHook.accept("pruning:" + prunedCount.incrementAndGet())));
            pruned.forEach(o -> outcomes.put(o.ref().key(), o));
        } else if (!applied && request.prune() && !stale.isEmpty()) {
            log.warn("prune skipped because objects failed to apply; " + stale.size() + " objects left for the next sync");
        }
        phaseHook.accept("pruned");
        List<ObjectOutcome> prunedOutcomes = pruned;
        lease.startBatch("recording the inventory");
        timed("prune", () -> {
            finishInventory(inventory, wide, plan, members, prunedOutcomes, applied);
            return null;
        });
        phaseHook.accept("finished");
        if (applied && request.waitForHealth()) {
            timed("health", () -> {
                waitForHealth(api, inventory.id(), plan);
                return null;
            });
        }
    }

    /** Applies stage by stage; returns false when an object failed (later stages are then skipped). */
    private boolean applyStages(Plan plan, Map<String, Map<String, Object>> members, Map<String, String> otherOwners,
                                Map<String, ObjectRecord> records, Applier applier, KubeApi api, String applySetId,
                                ExecutorService pool) {
        List<List<PlannedObject>> stages = plan.stages();
        for (int i = 0; i < stages.size(); i++) {
            List<PlannedObject> stage = stages.get(i);
            log.info("apply stage " + (i + 1) + "/" + stages.size() + ": " + stage.size() + " objects");
            lease.startBatch("applying stage " + (i + 1) + "/" + stages.size());
            runAll(stage, p -> {
                ObjectOutcome o = unlessOwnedElsewhere(p, otherOwners, records,
                        () -> applier.apply(p, members.get(p.ref().key()), records.get(p.ref().key())));
                phaseHook.accept("applying:" + appliedCount.incrementAndGet());
                return o;
            }, pool);
            boolean failed = stage.stream().anyMatch(p -> outcomes.get(p.ref().key()).failed());
            if (!failed) {
                TreeSet<String> crds = new TreeSet<>();
                for (PlannedObject p : stage) {
                    if (p.ref().isCrd() && outcomes.get(p.ref().key()).action() != Action.UNCHANGED) {
                        crds.add(p.ref().name());
                    }
                }
                try {
                    CrdWaiter.waitEstablished(api, applySetId, crds, request.timeout(), log);
                } catch (SyncException e) {
                    errors.add(e.getMessage());
                    failed = true;
                }
            }
            if (failed) {
                for (int j = i + 1; j < stages.size(); j++) {
                    for (PlannedObject p : stages.get(j)) {
                        ObjectRef ref = p.ref();
                        outcomes.put(ref.key(), ObjectOutcome.skipped(ref, p.source(),
                                "not applied: apply stage " + (i + 1) + " failed", records.get(ref.key())));
                    }
                }
                return false;
            }
        }
        return true;
    }

    /** An object the read found in another ApplySet is refused without a request (see {@link OtherOwner}). */
    private ObjectOutcome unlessOwnedElsewhere(PlannedObject p, Map<String, String> otherOwners,
                                               Map<String, ObjectRecord> records,
                                               java.util.function.Supplier<ObjectOutcome> action) {
        String otherId = otherOwners.get(p.ref().key());
        if (otherId == null) {
            return action.get();
        }
        String msg = OtherOwner.refusal(p, otherId);
        log.warn("failed " + msg);
        return ObjectOutcome.failed(p.ref(), p.source(), msg, records.get(p.ref().key()));
    }

    private void runAll(List<PlannedObject> objects, java.util.function.Function<PlannedObject, ObjectOutcome> task,
                        ExecutorService pool) {
        List<Future<ObjectOutcome>> futures = new ArrayList<>();
        for (PlannedObject p : objects) {
            Callable<ObjectOutcome> c = () -> task.apply(p);
            futures.add(pool.submit(c));
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                ObjectOutcome o = futures.get(i).get();
                outcomes.put(o.ref().key(), o);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SyncException("interrupted");
            } catch (ExecutionException e) {
                PlannedObject p = objects.get(i);
                Throwable cause = e.getCause();
                if (cause instanceof LeaseLostException lost) {
                    throw lost; // the whole sync stops, not this object
                }
                String msg = p.describe() + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage());
                log.warn("failed " + msg);
                outcomes.put(p.ref().key(), ObjectOutcome.failed(p.ref(), p.source(), msg, null));
            }
        }
    }

    /**
     * Stores what this sync leaves behind: every object still a member keeps its kind and namespace in
     * the parent; after a failed apply the parent stays at the superset, as nothing was pruned.
     */
    private void finishInventory(ApplySetInventory inventory, ApplySetParent wide, Plan plan,
                                 Map<String, Map<String, Object>> members, List<ObjectOutcome> pruned, boolean applied) {
        Map<String, ObjectRecord> keep = new LinkedHashMap<>();
        SortedSet<String> kinds = new TreeSet<>(plan.groupKinds());
        SortedSet<String> namespaces = new TreeSet<>(plan.namespaces());
        for (ObjectOutcome o : outcomes.values()) {
            if (o.record() != null) {
                keep.put(o.ref().key(), o.record());
            }
        }
        java.util.Set<String> gone = new java.util.HashSet<>();
        for (ObjectOutcome o : pruned) {
            if (o.action() == Action.PRUNED || o.action() == Action.SKIPPED) {
                gone.add(o.ref().key());
            }
        }
        Map<String, ObjectRecord> old = wide.data().byKey();
        java.util.Set<String> desired = plan.byKey().keySet();
        for (Map.Entry<String, Map<String, Object>> m : members.entrySet()) {
            if (desired.contains(m.getKey()) || gone.contains(m.getKey())) {
                continue;
            }
            // still a member (prune off, or its delete failed): keep it listed so a later prune finds it
            Map<String, Object> live = m.getValue();
            ObjectRef ref = ObjectRef.of(String.valueOf(live.get("apiVersion")), String.valueOf(live.get("kind")),
                    io.jenkins.plugins.gitopssync.engine.cluster.Objects.string(live, "metadata", "namespace"),
                    io.jenkins.plugins.gitopssync.engine.cluster.Objects.string(live, "metadata", "name"));
            kinds.add(ref.groupKind());
            if (!ref.namespace().isEmpty()) {
                namespaces.add(ref.namespace());
            }
            if (old.containsKey(m.getKey())) {
                keep.putIfAbsent(m.getKey(), old.get(m.getKey()));
            }
        }
        if (!applied) {
            kinds.addAll(wide.groupKinds());
            namespaces.addAll(wide.additionalNamespaces());
        }
        // never narrower than what a recently displaced sync may still write
        long now = timing.wall().instant().getEpochSecond();
        List<DisplacedSync> displaced = wide.data().displaced().stream().filter(d -> d.activeAt(now)).toList();
        for (DisplacedSync d : displaced) {
            kinds.addAll(d.groupKinds());
            namespaces.addAll(d.namespaces());
        }
        InventoryData data = new InventoryData(request.source().revision(), request.source().path(), now,
                new ArrayList<>(keep.values()), displaced);
        AuditEntry audit = new AuditEntry(Instant.ofEpochSecond(now).toString(), request.source().revision(),
                request.source().path(), verification == null ? null : verification.auditText(), request.origin(),
                applied ? "applied" : "failed");
        inventory.finish(wide, kinds, namespaces, data, audit);
    }

    private void waitForHealth(KubeApi api, String applySetId, Plan plan) {
        List<PlannedObject> check = plan.objects().stream()
                .filter(p -> {
                    ObjectOutcome o = outcomes.get(p.ref().key());
                    return o != null && o.action() != Action.FAILED && o.action() != Action.SKIPPED;
                }).toList();
        log.info("waiting up to " + request.timeout().toSeconds() + "s for " + check.size() + " objects to be healthy");
        HealthChecker.Outcome h = new HealthChecker(api, applySetId, log, timing.healthPoll()).waitFor(check, request.timeout());
        h.byKey().forEach((k, s) -> health.put(k, s.display()));
        if (h.error() != null) {
            errors.add(h.error());
        }
    }

    private void logPreview(ObjectOutcome o) {
        Action a = o.action();
        if (a == Action.UNCHANGED) {
            return;
        }
        String verb = switch (a) {
            case CREATED -> "would create";
            case CONFIGURED -> "would configure";
            case PRUNED -> "would prune";
            case SKIPPED -> "would keep";
            default -> "failed";
        };
        log.info(verb + " " + o.ref() + (o.result().drift() ? " (drift)" : ""));
    }

    private <T> T timed(String phase, Supplier<T> body) {
        long t0 = System.nanoTime();
        try {
            return body.get();
        } finally {
            phases.merge(phase, (System.nanoTime() - t0) / 1_000_000, Long::sum);
        }
    }

    private SyncResult result(long started, long requestsBefore) {
        List<ObjectResult> objects = new ArrayList<>();
        synchronized (outcomes) {
            for (ObjectOutcome o : outcomes.values()) {
                ObjectResult r = o.result();
                String h = health.get(o.ref().key());
                if (h != null) {
                    r = new ObjectResult(r.group(), r.version(), r.kind(), r.namespace(), r.name(), r.action(), r.drift(),
                            r.diff(), r.error(), r.source(), h);
                }
                objects.add(r);
            }
        }
        Totals totals = Totals.of(objects);
        SyncStatus status;
        if (!errors.isEmpty() || totals.failed() > 0) {
            status = SyncStatus.Failed;
        } else if (!request.dryRun()) {
            status = SyncStatus.Synced;
        } else if (totals.drifted() > 0) {
            status = SyncStatus.Drift;
        } else if (totals.changed() > 0) {
            status = SyncStatus.OutOfSync;
        } else {
            status = SyncStatus.Synced;
        }
        long duration = (System.nanoTime() - started) / 1_000_000;
        long requests = cluster.requestCount() - requestsBefore;
        log.info((request.dryRun() ? "diff " : "sync ") + status + " at " + request.source().revision() + ": "
                + totals.created() + " created, " + totals.configured() + " configured, " + totals.unchanged()
                + " unchanged, " + totals.pruned() + " pruned, " + totals.failed() + " failed, " + totals.drifted()
                + " drifted; " + duration + " ms, " + requests + " API requests");
        return new SyncResult(request.source().revision(), request.source().path(), request.applySetName(), status, request.dryRun(), objects, totals, phases, duration, requests,
                errors, new ArrayList<>(warnings), verification);
    }
}
