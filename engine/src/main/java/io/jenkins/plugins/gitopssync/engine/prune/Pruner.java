package io.jenkins.plugins.gitopssync.engine.prune;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.apply.ObjectOutcome;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.Discovery;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ListedObject;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.diff.Differ;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.KindOrder;
import io.jenkins.plugins.gitopssync.engine.plan.Planner;
import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.util.ArrayList;
import java.util.Comparator;
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
 * (so only what this inventory owns), in reverse apply order, background propagation. An object
 * annotated {@code gitops-sync.jenkins.io/prune: disabled} stays, and leaves the ApplySet (its part-of
 * label is removed) so no later sync or kubectl prune deletes it.
 */
public final class Pruner {

    public static final String PRUNE_ANNOTATION = "gitops-sync.jenkins.io/prune";

    private final KubeApi api;
    private final Discovery discovery;
    private final SyncLog log;
    private final ExecutorService pool;

    public Pruner(KubeApi api, Discovery discovery, SyncLog log, ExecutorService pool) {
        this.api = api;
        this.discovery = discovery;
        this.log = log;
        this.pool = pool;
    }

    /** Members not desired, in prune order (reverse apply order). */
    public static List<ObjectRef> candidates(Map<String, ListedObject> members, Set<String> desiredKeys) {
        List<ObjectRef> out = new ArrayList<>();
        for (ListedObject live : members.values()) {
            ObjectRef ref = live.ref();
            if (!desiredKeys.contains(ref.key())) {
                out.add(ref);
            }
        }
        Comparator<ObjectRef> order = Comparator.comparingInt((ObjectRef r) -> KindOrder.stageOf(r.group(), r.kind()))
                .thenComparing(KindOrder.order());
        out.sort(order.reversed());
        return out;
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
        return "disabled".equalsIgnoreCase(ObjectMaps.stringMap(live, "annotations").get(PRUNE_ANNOTATION));
    }

    /** Dry run: what would be pruned. */
    public List<ObjectOutcome> preview(List<ObjectRef> refs, Map<String, ListedObject> members,
                                       Map<String, ObjectRecord> records) {
        List<ObjectOutcome> out = new ArrayList<>();
        for (ObjectRef ref : refs) {
            Map<String, Object> live = members.get(ref.key()).object();
            if (optedOut(live)) {
                out.add(ObjectOutcome.skipped(ref, null, "prune disabled by annotation " + PRUNE_ANNOTATION, null));
            } else {
                out.add(ObjectOutcome.pruned(ref, Differ.compare(ref.toString(), live, null).diff()));
            }
        }
        return out;
    }

    /**
     * Sync: delete (stage by stage in reverse order, in parallel inside a stage). {@code afterEach} runs
     * after each object (progress for the phase hook). A lost lease stops the whole prune.
     */
    public List<ObjectOutcome> prune(List<ObjectRef> refs, Map<String, ListedObject> members,
                                     Map<String, ObjectRecord> records, Runnable afterEach) {
        List<ObjectOutcome> out = new ArrayList<>();
        int i = 0;
        while (i < refs.size()) {
            int stage = KindOrder.stageOf(refs.get(i).group(), refs.get(i).kind());
            List<Future<ObjectOutcome>> batch = new ArrayList<>();
            while (i < refs.size() && KindOrder.stageOf(refs.get(i).group(), refs.get(i).kind()) == stage) {
                ObjectRef ref = refs.get(i++);
                Callable<ObjectOutcome> task = () -> {
                    ObjectOutcome o = pruneOne(ref, members.get(ref.key()).object(), records.get(ref.key()));
                    afterEach.run();
                    return o;
                };
                batch.add(pool.submit(task));
            }
            for (Future<ObjectOutcome> f : batch) {
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
        }
        return out;
    }

    private ObjectOutcome pruneOne(ObjectRef ref, Map<String, Object> live, ObjectRecord record) {
        ResourceInfo r = discovery.findGroupKind(ref.group(), ref.kind()).orElseThrow();
        try {
            if (optedOut(live)) {
                String patch = "[" + removeLabel(live, ApplySetId.PART_OF_LABEL) + removeLabel(live,
                        Planner.APPLYSET_NAME_LABEL) + "]";
                api.jsonPatch(r, ref.namespace(), ref.name(), patch.replace(",]", "]"));
                log.info("kept " + ref + ": prune disabled by annotation " + PRUNE_ANNOTATION
                        + "; it is no longer part of the ApplySet");
                return ObjectOutcome.skipped(ref, null, "prune disabled by annotation " + PRUNE_ANNOTATION, null);
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
