package io.jenkins.plugins.gitopssync.engine.lease;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import io.jenkins.plugins.gitopssync.engine.cluster.WriteFence;
import io.jenkins.plugins.gitopssync.engine.time.Timing;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One sync at a time per ApplySet: a coordination.k8s.io Lease "gitops-sync-NAME" next to the parent.
 * Created, or taken over only when expired; renewed in the background every third of its duration;
 * deleted at the end. A held lease fails the sync at once, naming the holder and when the lease expires.
 *
 * <p>It is also the sync's write fence. A sync can stall (a paused process, a long GC, a frozen agent)
 * past its lease while another takes the lease over; when it resumes, its next write must not happen. So
 * before every write it checks that the lease was confirmed by the API server recently (two thirds of a
 * duration, measured by the monotonic and the wall clock both, so a stall of either shows); the first
 * write of every batch (widening the inventory, each apply stage, the prune, recording the inventory)
 * confirms it whatever its age. Confirming is renewing, a conditional update that fails when anyone else
 * changed or deleted the lease; a batch without writes costs nothing. Once lost, every write fails. What the fence cannot stop (a write already on its way when the sync stalled, or clocks
 * that disagree by more than a third of the lease) the inventory covers: a sync that took a lease over
 * keeps its predecessor's kinds in the parent for a grace period ({@link #displaced()}).
 */
public final class SyncLease implements AutoCloseable, WriteFence {

    public static final ResourceInfo LEASES = new ResourceInfo("coordination.k8s.io", "v1", "Lease", "leases", true);
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A lease this sync took over from an expired holder, who may still be alive and writing. */
    public record Displaced(String holder, Duration leaseDuration) {
    }

    private final KubeApi api;
    private final String namespace;
    private final String name;
    private final String applySetName;
    private final String holder;
    private final Duration duration;
    private final SyncLog log;
    private final Timing timing;
    private volatile Map<String, Object> current;
    private ScheduledExecutorService renewer;
    private boolean closed;
    private volatile long confirmedNanos;
    private volatile long confirmedMillis;
    private volatile boolean batchStarted;
    private volatile String batch = "writing";
    private volatile String lostBecause;
    private Displaced displaced;

    private SyncLease(KubeApi api, String namespace, String applySetName, String holder, Duration duration,
                      SyncLog log, Timing timing) {
        this.api = api;
        this.namespace = namespace;
        this.name = leaseName(applySetName);
        this.applySetName = applySetName;
        this.holder = holder;
        this.duration = duration.toSeconds() < 1 ? Duration.ofSeconds(1) : Duration.ofSeconds(duration.toSeconds());
        this.log = log;
        this.timing = timing;
        this.confirmedNanos = timing.nanos().getAsLong();
        this.confirmedMillis = timing.wall().millis();
    }

    public static String leaseName(String applySetName) {
        return "gitops-sync-" + applySetName;
    }

    public static String defaultHolder() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "/pid-" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * @param api    unfenced: the lease's own requests are how the fence confirms it
     * @param timing the clocks the lease's age is read by ({@link Timing#SYSTEM} in production)
     */
    public static SyncLease acquire(KubeApi api, String applySetName, String namespace, Duration duration, SyncLog log,
                                    Timing timing) {
        SyncLease lease = new SyncLease(api, namespace, applySetName, defaultHolder(), duration, log, timing);
        lease.take();
        lease.startRenewing();
        return lease;
    }

    public String holder() {
        return holder;
    }

    /** The holder whose expired lease this sync took over; empty when the lease was free. */
    public Optional<Displaced> displaced() {
        return Optional.ofNullable(displaced);
    }

    private void take() {
        String now = MICRO.format(timing.wall().instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "coordination.k8s.io/v1");
        body.put("kind", "Lease");
        body.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", namespace)));
        body.put("spec", spec(now, now));
        long sentNanos = timing.nanos().getAsLong();
        long sentMillis = timing.wall().millis();
        try {
            current = api.create(LEASES, namespace, body);
            confirmed(sentNanos, sentMillis);
            return;
        } catch (ApiException e) {
            if (!e.isConflict()) {
                throw fail(e);
            }
        }
        Map<String, Object> existing;
        try {
            existing = api.get(LEASES, namespace, name);
        } catch (ApiException e) {
            throw fail(e);
        }
        if (existing == null) { // released in between
            take();
            return;
        }
        String otherHolder = ObjectMaps.string(existing, "spec", "holderIdentity");
        String renew = ObjectMaps.string(existing, "spec", "renewTime");
        long otherSeconds = ObjectMaps.number(existing, DEFAULT_DURATION.toSeconds(), "spec", "leaseDurationSeconds");
        Instant expires = renew == null ? null : Instant.parse(renew).plusSeconds(otherSeconds);
        boolean expired = otherHolder == null || otherHolder.isEmpty() || expires == null || expires.isBefore(timing.wall().instant());
        if (!expired) {
            String since = ObjectMaps.string(existing, "spec", "acquireTime");
            throw new SyncException("sync of ApplySet " + namespace + "/" + applySetName + " is already running (held by "
                    + otherHolder + " since " + (since == null ? renew : since) + "; lease " + namespace + "/" + name
                    + ", last renewed " + renew + ", expires " + expires + " unless renewed). If that sync died (killed,"
                    + " its agent lost), its lease expires then and the next sync takes it over");
        }
        log.warn("taking over the expired lease " + namespace + "/" + name + " of " + otherHolder
                + " (expired " + expires + "); if it is still running, it stops at its next write");
        Map<String, Object> takeover = ObjectMaps.copy(existing);
        takeover.put("spec", spec(now, now));
        try {
            current = api.update(LEASES, namespace, name, takeover);
            confirmed(sentNanos, sentMillis);
        } catch (ApiException e) {
            if (e.isConflict()) {
                throw new SyncException("sync of ApplySet " + namespace + "/" + applySetName
                        + " is already running (another sync took over the expired lease " + name + " first)");
            }
            throw fail(e);
        }
        if (otherHolder != null && !otherHolder.isEmpty()) {
            displaced = new Displaced(otherHolder, Duration.ofSeconds(otherSeconds));
        }
    }

    private Map<String, Object> spec(String acquire, String renew) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("holderIdentity", holder);
        spec.put("leaseDurationSeconds", duration.toSeconds());
        spec.put("acquireTime", acquire);
        spec.put("renewTime", renew);
        return spec;
    }

    private SyncException fail(ApiException e) {
        if (e.isNotFound()) {
            return new SyncException("namespace " + namespace + " does not exist; it holds the ApplySet parent and the"
                    + " lease " + name + ", so create it first (" + e.getMessage() + ")", e);
        }
        if (e.isForbidden()) {
            return new SyncException(e.permissionMessage() + " (the lease " + namespace + "/" + name
                    + " that keeps two syncs of one ApplySet apart)", e);
        }
        return new SyncException("cannot take the lease " + namespace + "/" + name + ": " + e.getMessage(), e);
    }

    private void startRenewing() {
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gitops-sync-lease-renewer");
            t.setDaemon(true);
            return t;
        });
        long every = duration.toMillis() / 3;
        renewer.scheduleWithFixedDelay(() -> {
            try {
                renew();
            } catch (RuntimeException e) {
                log.warn("could not renew the lease " + namespace + "/" + name + ": " + e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A conditional update of the renew time: it fails when anyone else changed or deleted the lease since
     * this sync last wrote it, which is exactly when the lease stopped being this sync's.
     */
    @SuppressWarnings("unchecked")
    private synchronized void renew() {
        if (closed || lostBecause != null) {
            return;
        }
        long sentNanos = timing.nanos().getAsLong();
        long sentMillis = timing.wall().millis();
        Map<String, Object> next = ObjectMaps.copy(current);
        ((Map<String, Object>) next.get("spec")).put("renewTime", MICRO.format(Instant.ofEpochMilli(sentMillis)));
        try {
            current = api.update(LEASES, namespace, name, next);
            confirmed(sentNanos, sentMillis);
        } catch (ApiException e) {
            if (e.isConflict()) {
                lostBecause = "another sync took it over";
            } else if (e.isNotFound()) {
                lostBecause = "it was deleted, by another sync that took it over or by hand";
            }
            throw e;
        }
    }

    /** Confirmation time: when the renewal was sent, not answered, since the server may have applied it at once. */
    private void confirmed(long sentNanos, long sentMillis) {
        confirmedNanos = sentNanos;
        confirmedMillis = sentMillis;
    }

    /** The next write confirms the lease with the API server first. Names the batch in errors. */
    public void startBatch(String what) {
        batch = what;
        batchStarted = true;
    }

    /** The fence: throws {@link LeaseLostException} when the lease may no longer be this sync's. */
    @Override
    public void beforeWrite() {
        if (!fresh()) {
            confirm();
        }
    }

    /** Confirmed recently enough for this write: not lost, not a batch's first write, not stalled. */
    private boolean fresh() {
        return lostBecause == null && !batchStarted && confirmedWithin(writeLimitNanos());
    }

    private synchronized void confirm() {
        if (fresh()) {
            return; // another thread confirmed it meanwhile
        }
        if (lostBecause == null) {
            try {
                renew();
                batchStarted = false;
                return;
            } catch (ApiException e) {
                if (lostBecause == null && !e.isConflict() && !e.isNotFound() && confirmedWithin(writeLimitNanos())) {
                    // unreachable for a moment, but still recently confirmed: the write itself will tell
                    batchStarted = false;
                    return;
                }
                if (lostBecause == null) {
                    lostBecause = "it could not be renewed for " + Duration.ofNanos(ageNanos()).toSeconds() + "s ("
                            + e.getMessage() + ")";
                }
            }
        }
        throw new LeaseLostException("lost the lease " + namespace + "/" + name + " of ApplySet " + namespace + "/"
                + applySetName + " (" + lostBecause + "): another sync may be running, so this one stopped before "
                + batch + " and writes nothing more; run it again once the other sync is done");
    }

    /** Two thirds of the lease: others may take it over after the whole of it, by clocks that may differ. */
    private long writeLimitNanos() {
        return duration.toNanos() * 2 / 3;
    }

    private boolean confirmedWithin(long nanos) {
        return ageNanos() <= nanos;
    }

    /** The larger of the two clocks' views: a stalled process sees its monotonic clock jump, a resumed VM its wall clock. */
    private long ageNanos() {
        long byMonotonic = timing.nanos().getAsLong() - confirmedNanos;
        long byWall = TimeUnit.MILLISECONDS.toNanos(timing.wall().millis() - confirmedMillis);
        return Math.max(byMonotonic, byWall);
    }

    /** Stops renewing and deletes the lease if it is still ours (precondition on its resourceVersion). */
    @Override
    public synchronized void close() {
        closed = true;
        if (renewer != null) {
            renewer.shutdownNow();
        }
        if (lostBecause != null) {
            return; // not ours any more
        }
        try {
            String rv = ObjectMaps.string(current, "metadata", "resourceVersion");
            // bounded: a hanging API server must not hold the sync's end; the lease expires by itself
            // (request deadlines run by the system's monotonic clock, whatever clock the fence reads)
            api.until(System.nanoTime() + timing.leaseRelease().toNanos()).deleteIfUnchanged(LEASES, namespace, name, rv);
        } catch (RuntimeException e) {
            log.warn("could not release the lease " + namespace + "/" + name + " (it expires in " + duration.toSeconds()
                    + "s): " + e.getMessage());
        }
    }
}
