package io.jenkins.plugins.gitopssync.engine.prune;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.GoneWait;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.diff.Differ;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.KindOrder;
import io.jenkins.plugins.gitopssync.engine.plan.PhaseAnnotations;
import io.jenkins.plugins.gitopssync.engine.plan.Planner;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Deletes the ApplySet's members that left Git: only live objects still carrying the part-of label
 * (so only what this inventory owns), in reverse wave order (the wave their sync-wave annotation gave them;
 * a wave's objects are gone before the next lower wave is pruned), inside a wave in reverse apply order,
 * background propagation. An object annotated {@code gitops-sync.jenkins.io/prune: disabled} or Helm's
 * {@code helm.sh/resource-policy: keep} stays, and leaves the ApplySet (its part-of label is removed) so no
 * later sync or kubectl prune deletes it.
 */
public final class Pruner {

    public static final String PRUNE_ANNOTATION = "gitops-sync.jenkins.io/prune";

    private final KubeApi api;
    private final Discovery discovery;
    private final SyncLog log;
    private final ExecutorService pool;
    private final Duration timeout;

    /** @param timeout how long a wave's pruned objects may take to be gone before the next wave is pruned */
    public Pruner(KubeApi api, Discovery discovery, SyncLog log, ExecutorService pool, Duration timeout) {
        this.api = api;
        this.discovery = discovery;
        this.log = log;
        this.pool = pool;
        this.timeout = timeout;
    }

    /** Members not desired, in prune order (reverse wave order, then reverse apply order). */
    public static List<ObjectRef> candidates(Map<String, ListedObject> members, Set<String> desiredKeys) {
        List<ObjectRef> out = new ArrayList<>();
        Map<String, Integer> waves = new HashMap<>();
        for (ListedObject live : members.values()) {
            ObjectRef ref = live.ref();
            if (!desiredKeys.contains(ref.key())) {
                out.add(ref);
                waves.put(ref.key(), waveOf(live));
            }
        }
        Comparator<ObjectRef> order = Comparator.comparingInt((ObjectRef r) -> waves.get(r.key()))
                .thenComparingInt(r -> KindOrder.stageOf(r.group(), r.kind()))
                .thenComparing(KindOrder.order());
        out.sort(order.reversed());
        return out;
    }

    /** The wave a live member was applied in; its JSON is parsed only when it names one. */
    static int waveOf(ListedObject live) {
        String json = new String(live.json(), StandardCharsets.UTF_8);
        if (!json.contains(PhaseAnnotations.ARGO_WAVE) && !json.contains(PhaseAnnotations.HELM_WEIGHT)) {
            return 0;
        }
        return PhaseAnnotations.waveOf(ObjectMaps.stringMap(live.object(), "annotations"));
    }

    /** Keys of the members a prune removed from the set: deleted, or released by the opt-out annotation. */
    public static Set<String> released(List<ObjectOutcome> pruned) {
        Set<String> gone = new HashSet<>();
        for (ObjectOutcome o : pruned) {
            if (o.action() == Action.PRUNED || o.action() == Action.SKIPPED) {
                gone.add(o.ref().key());
            }
        }
        return gone;
    }

    public static boolean optedOut(Map<String, Object> live) {
        return keptBecause(live) != null;
    }

    /** Why an object that left Git is kept (its opt-out annotation), or null. */
    static String keptBecause(Map<String, Object> live) {
        Map<String, String> annotations = ObjectMaps.stringMap(live, "annotations");
        if ("disabled".equalsIgnoreCase(annotations.get(PRUNE_ANNOTATION))) {
            return "prune disabled by annotation " + PRUNE_ANNOTATION;
        }
        return PhaseAnnotations.keptByHelm(annotations) ? "kept by " + PhaseAnnotations.HELM_RESOURCE_POLICY + ": keep"
                : null;
    }

    /** Dry run: what would be pruned. */
    public List<ObjectOutcome> preview(List<ObjectRef> refs, Map<String, ListedObject> members,
                                       Map<String, ObjectRecord> records) {
        List<ObjectOutcome> out = new ArrayList<>();
        for (ObjectRef ref : refs) {
            Map<String, Object> live = members.get(ref.key()).object();
            String kept = keptBecause(live);
            if (kept != null) {
                out.add(ObjectOutcome.skipped(ref, null, kept, null));
            } else {
                out.add(ObjectOutcome.pruned(ref, Differ.compare(ref.toString(), live, null).diff()));
            }
        }
        return out;
    }

    /**
     * Sync: delete (wave by wave, and stage by stage in a wave, in reverse order, in parallel inside a stage;
     * a wave's deleted objects must be gone before the next wave). {@code afterEach} runs after each object
     * (progress for the phase hook). A lost lease stops the whole prune.
     */
    public List<ObjectOutcome> prune(List<ObjectRef> refs, Map<String, ListedObject> members,
                                     Map<String, ObjectRecord> records, Runnable afterEach) {
        List<ObjectOutcome> out = new ArrayList<>();
        int[] waves = refs.stream().mapToInt(r -> waveOf(members.get(r.key()))).toArray();
        int i = 0;
        while (i < refs.size()) {
            int wave = waves[i];
            List<ObjectOutcome> ofWave = new ArrayList<>();
            while (i < refs.size() && waves[i] == wave) {
                int stage = KindOrder.stageOf(refs.get(i).group(), refs.get(i).kind());
                List<ObjectRef> batch = new ArrayList<>();
                while (i < refs.size() && waves[i] == wave
                        && KindOrder.stageOf(refs.get(i).group(), refs.get(i).kind()) == stage) {
                    batch.add(refs.get(i++));
                }
                ofWave.addAll(pruneBatch(batch, members, records, afterEach));
            }
            out.addAll(ofWave);
            String holdout = i < refs.size() ? awaitGone(ofWave) : null;
            if (holdout != null) {
                String msg = "not pruned: " + holdout + ", of wave " + wave + ", and the objects of lower waves are"
                        + " pruned only after it is gone; the next sync tries again";
                log.warn(msg);
                refs.subList(i, refs.size())
                        .forEach(r -> out.add(ObjectOutcome.failed(r, null, msg, records.get(r.key()))));
                break;
            }
        }
        return out;
    }

    private List<ObjectOutcome> pruneBatch(List<ObjectRef> batch, Map<String, ListedObject> members,
                                           Map<String, ObjectRecord> records, Runnable afterEach) {
        List<Future<ObjectOutcome>> futures = new ArrayList<>();
        for (ObjectRef ref : batch) {
            Callable<ObjectOutcome> task = () -> {
                ObjectOutcome o = pruneOne(ref, members.get(ref.key()).object(), records.get(ref.key()));
                afterEach.run();
                return o;
            };
            futures.add(pool.submit(task));
        }
        List<ObjectOutcome> out = new ArrayList<>();
        for (Future<ObjectOutcome> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pruning", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SyncException stop) {
                    throw stop; // the lease was lost: nothing more is deleted
                }
                throw new IllegalStateException("prune failed: " + e.getCause(), e.getCause());
            }
        }
        return out;
    }

    /** Null once every object the wave deleted is gone; else the first that is not, and why. */
    private String awaitGone(List<ObjectOutcome> wave) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ObjectOutcome o : wave) {
            if (o.action() != Action.PRUNED) {
                continue;
            }
            ObjectRef ref = o.ref();
            ResourceInfo r = discovery.findGroupKind(ref.group(), ref.kind()).orElseThrow();
            Map<String, Object> left = GoneWait.until(api, r, ref.namespace(), ref.name(), deadline);
            if (left != null) {
                return ref + " is still being deleted after " + timeout.toSeconds() + "s" + GoneWait.finalizers(left);
            }
        }
        return null;
    }

    private ObjectOutcome pruneOne(ObjectRef ref, Map<String, Object> live, ObjectRecord record) {
        ResourceInfo r = discovery.findGroupKind(ref.group(), ref.kind()).orElseThrow();
        try {
            String kept = keptBecause(live);
            if (kept != null) {
                String patch = "[" + removeLabel(live, ApplySetId.PART_OF_LABEL) + removeLabel(live,
                        Planner.APPLYSET_NAME_LABEL) + "]";
                api.jsonPatch(r, ref.namespace(), ref.name(), patch.replace(",]", "]"));
                log.info("kept " + ref + ": " + kept + "; it is no longer part of the ApplySet");
                return ObjectOutcome.skipped(ref, null, kept, null);
            }
            api.delete(r, ref.namespace(), ref.name(), "Background");
            log.info("pruned " + ref);
            return ObjectOutcome.pruned(ref, Differ.compare(ref.toString(), live, null).diff());
        } catch (ApiException e) {
            String msg = e.isForbidden() ? e.permissionMessage() + " (pruning " + ref + ")"
                    : "cannot prune " + ref + ": " + e.getMessage();
            log.warn(msg);
            // still a member: keep its record so the next sync retries
            return ObjectOutcome.failed(ref, null, msg, record);
        }
    }

    private static String removeLabel(Map<String, Object> live, String label) {
        if (!ObjectMaps.stringMap(live, "labels").containsKey(label)) {
            return "";
        }
        return "{\"op\":\"remove\",\"path\":\"/metadata/labels/" + label.replace("~", "~0").replace("/", "~1") + "\"},";
    }
}
