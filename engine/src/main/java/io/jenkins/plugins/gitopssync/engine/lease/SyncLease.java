package io.jenkins.plugins.gitopssync.engine.lease;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ApiException;
import io.jenkins.plugins.gitopssync.engine.cluster.KubeApi;
import io.jenkins.plugins.gitopssync.engine.cluster.Objects;
import io.jenkins.plugins.gitopssync.engine.cluster.ResourceInfo;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One sync at a time per ApplySet: a coordination.k8s.io Lease "gitops-sync-NAME" next to the parent.
 * Created, or taken over only when expired; renewed in the background every third of its duration;
 * deleted at the end. A held lease fails the sync at once, naming the holder.
 */
public final class SyncLease implements AutoCloseable {

    public static final ResourceInfo LEASES = new ResourceInfo("coordination.k8s.io", "v1", "Lease", "leases", true);
    public static final int DURATION_SECONDS = 60;
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final KubeApi api;
    private final String namespace;
    private final String name;
    private final String holder;
    private final SyncLog log;
    private volatile Map<String, Object> current;
    private ScheduledExecutorService renewer;
    private boolean closed;
    private volatile long heldSinceNanos = System.nanoTime();
    private volatile String lostBecause;

    private SyncLease(KubeApi api, String namespace, String name, String holder, SyncLog log) {
        this.api = api;
        this.namespace = namespace;
        this.name = name;
        this.holder = holder;
        this.log = log;
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

    public static SyncLease acquire(KubeApi api, String applySetName, String namespace, SyncLog log) {
        SyncLease lease = new SyncLease(api, namespace, leaseName(applySetName), defaultHolder(), log);
        lease.take(applySetName);
        lease.startRenewing();
        return lease;
    }

    public String holder() {
        return holder;
    }

    private void take(String applySetName) {
        String now = MICRO.format(Instant.now());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "coordination.k8s.io/v1");
        body.put("kind", "Lease");
        body.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", namespace)));
        body.put("spec", spec(now, now));
        try {
            current = api.create(LEASES, namespace, body);
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
            take(applySetName);
            return;
        }
        String otherHolder = Objects.string(existing, "spec", "holderIdentity");
        String renew = Objects.string(existing, "spec", "renewTime");
        long duration = Objects.number(existing, DURATION_SECONDS, "spec", "leaseDurationSeconds");
        boolean expired = otherHolder == null || otherHolder.isEmpty() || renew == null
                || Instant.parse(renew).plusSeconds(duration).isBefore(Instant.now());
        if (!expired) {
            String since = Objects.string(existing, "spec", "acquireTime");
            throw new SyncException("sync of ApplySet " + namespace + "/" + applySetName + " is already running (held by "
                    + otherHolder + " since " + (since == null ? renew : since) + "; lease " + namespace + "/" + name + ")");
        }
        log.warn("taking over the expired lease " + namespace + "/" + name + " of " + otherHolder);
        Map<String, Object> takeover = Objects.copy(existing);
        takeover.put("spec", spec(now, now));
        try {
            current = api.update(LEASES, namespace, name, takeover);
        } catch (ApiException e) {
            if (e.isConflict()) {
                throw new SyncException("sync of ApplySet " + namespace + "/" + applySetName
                        + " is already running (another sync took over the expired lease " + name + " first)");
            }
            throw fail(e);
        }
    }

    private Map<String, Object> spec(String acquire, String renew) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("holderIdentity", holder);
        spec.put("leaseDurationSeconds", DURATION_SECONDS);
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
        long every = DURATION_SECONDS / 3;
        renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private synchronized void renew() {
        if (closed) {
            return;
        }
        try {
            Map<String, Object> next = Objects.copy(current);
            ((Map<String, Object>) next.get("spec")).put("renewTime", MICRO.format(Instant.now()));
            current = api.update(LEASES, namespace, name, next);
            heldSinceNanos = System.nanoTime();
        } catch (ApiException e) {
            if (e.isConflict() || e.isNotFound()) {
                lostBecause = "it was changed or deleted by someone else";
            }
            log.warn("could not renew the lease " + namespace + "/" + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("could not renew the lease " + namespace + "/" + name + ": " + e.getMessage());
        }
    }

    /**
     * Throws when the lease may no longer be ours (taken over, deleted, or not renewed for a whole lease
     * duration): the caller must not go on with destructive steps such as pruning.
     */
    public void checkHeld() {
        String why = lostBecause;
        if (why == null && System.nanoTime() - heldSinceNanos > DURATION_SECONDS * 1_000_000_000L) {
            why = "it could not be renewed for " + DURATION_SECONDS + "s";
        }
        if (why != null) {
            throw new SyncException("lost the lease " + namespace + "/" + name + " (" + why + "); another sync may be"
                    + " running, so this one stops before pruning");
        }
    }

    /** Stops renewing and deletes the lease if it is still ours (precondition on its resourceVersion). */
    @Override
    public synchronized void close() {
        closed = true;
        if (renewer != null) {
            renewer.shutdownNow();
        }
        try {
            String rv = Objects.string(current, "metadata", "resourceVersion");
            api.deleteIfUnchanged(LEASES, namespace, name, rv);
        } catch (RuntimeException e) {
            log.warn("could not release the lease " + namespace + "/" + name + " (it expires in " + DURATION_SECONDS
                    + "s): " + e.getMessage());
        }
    }
}
