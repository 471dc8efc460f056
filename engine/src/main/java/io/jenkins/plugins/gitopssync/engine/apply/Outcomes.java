package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.identity.ObjectRef;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.lease.LeaseLostException;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The outcome of every object of one sync or dry run, by key, in plan order then prune order (an object
 * recorded again keeps its place). Workers record in parallel.
 */
public final class Outcomes {

    private final Map<String, ObjectOutcome> byKey = Collections.synchronizedMap(new LinkedHashMap<>());

    public void put(ObjectOutcome o) {
        byKey.put(o.ref().key(), o);
    }

    public void putAll(List<ObjectOutcome> outcomes) {
        outcomes.forEach(this::put);
    }

    /** Null when the object has none (yet). */
    public ObjectOutcome get(ObjectRef ref) {
        return byKey.get(ref.key());
    }

    public List<ObjectOutcome> all() {
        synchronized (byKey) {
            return new ArrayList<>(byKey.values());
        }
    }

    /** The inventory record of every object that keeps one, by key. */
    public Map<String, ObjectRecord> records() {
        Map<String, ObjectRecord> out = new LinkedHashMap<>();
        for (ObjectOutcome o : all()) {
            if (o.record() != null) {
                out.put(o.ref().key(), o.record());
            }
        }
        return out;
    }

    /** Adds the health found by the wait to the object's result. */
    public void setHealth(String key, String health) {
        synchronized (byKey) {
            ObjectOutcome o = byKey.get(key);
            if (o != null) {
                byKey.put(key, new ObjectOutcome(o.ref(), o.result().withHealth(health), o.record()));
            }
        }
    }

    /**
     * Runs {@code task} for each object on the pool and records the outcomes; a task that throws fails its
     * object only, except a lost lease, which stops the whole sync.
     */
    public void runAll(List<PlannedObject> objects, Function<PlannedObject, ObjectOutcome> task, ExecutorService pool,
                       SyncLog log) {
        List<Future<ObjectOutcome>> futures = new ArrayList<>();
        for (PlannedObject p : objects) {
            Callable<ObjectOutcome> c = () -> task.apply(p);
            futures.add(pool.submit(c));
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                put(futures.get(i).get());
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
                put(ObjectOutcome.failed(p.ref(), p.source(), msg, null));
            }
        }
    }
}
