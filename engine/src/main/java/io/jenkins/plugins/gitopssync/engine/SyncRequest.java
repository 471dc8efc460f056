package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.identity.NamespaceNames;
import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.render.RenderOptions;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import java.time.Duration;
import java.util.Optional;

/**
 * What to sync and how: the one options model of the command line, the Pipeline step and the freestyle step.
 * Every option has a named default below; the builder starts from them. A value no default can stand for (a
 * concurrency out of bounds) is refused here, so every front end refuses what the engine would.
 *
 * @param source           the checked-out repository, revision and path
 * @param applySetName     name of the ApplySet parent Secret (the inventory)
 * @param applySetNamespace namespace of the parent Secret; also the lease's namespace; default "default"
 * @param defaultNamespace namespace given to namespaced objects that name none
 * @param targetNamespace  when set, overrides the namespace of every namespaced object
 * @param prune            delete objects the inventory owns that left Git
 * @param allowEmpty       allow an empty render to prune everything
 * @param dryRun           diff only: nothing is written to the cluster
 * @param force            delete and re-create objects whose immutable fields changed
 * @param waitForHealth    wait until applied objects are healthy; on by default (a sync that returns before
 *                         its Deployments rolled out has not shown they work)
 * @param timeout          health wait (and CRD establishment) limit; default 5 minutes
 * @param concurrency      parallel API calls inside one apply stage, 1 to {@value #MAX_CONCURRENCY}; 0 for the
 *                         default, 8
 * @param leaseDuration    how long the sync's lease lasts without renewal (renewed every third of it):
 *                         after it, a stalled sync can be overtaken; default 60 s
 * @param signatureCheck   when set, the revision's signatures are verified before anything is rendered or
 *                         read from the cluster; a revision that fails is not synced (null: no check)
 * @param origin           who runs the sync, for the audit trail in the ApplySet parent: the CLI gives
 *                         {@code gitops-sync user@host}, the plugin the build URL and the user who started it;
 *                         public text only (credentials in URLs are stripped); default {@code gitops-sync}
 * @param renderOptions    the programs a render runs (kubectl, helm) and how they are started; default: this
 *                         process's environment
 */
public record SyncRequest(ManifestSource source, String applySetName, String applySetNamespace,
                          String defaultNamespace, String targetNamespace, boolean prune, boolean allowEmpty,
                          boolean dryRun, boolean force, boolean waitForHealth, Duration timeout, int concurrency,
                          Duration leaseDuration, SignatureCheck signatureCheck, String origin,
                          RenderOptions renderOptions) {

    public static final String DEFAULT_NAMESPACE = NamespaceNames.DEFAULT;
    public static final boolean DEFAULT_PRUNE = false;
    public static final boolean DEFAULT_ALLOW_EMPTY = false;
    public static final boolean DEFAULT_DRY_RUN = false;
    public static final boolean DEFAULT_FORCE = false;
    public static final boolean DEFAULT_WAIT_FOR_HEALTH = true;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /**
     * Parallel applies per stage. First syncs of 10,000 objects (bench/run's limit sweep, 2026-12-08): 8 took
     * 64 / 44 s (many namespaces / one), 16 took 47 / 32 s, 64 took 45 / 22 s. A sync runs as one user, and API
     * priority and fairness gives a user's priority level a share of the server's seats (by default a kubeconfig
     * user's global-default about 49 of 600, a service account's workload-low about 245, each shared with every
     * other client of that level): 16 takes nine tenths of the gain over many namespaces and half of it in one, and
     * leaves most of those seats to the others.
     */
    public static final int DEFAULT_CONCURRENCY = 16;
    /**
     * The bound the plugin's forms always had: more parallel requests from one sync would take a large share of
     * what the API server runs at once (priority and fairness gives each priority level a limited number).
     */
    public static final int MAX_CONCURRENCY = 64;
    public static final Duration DEFAULT_LEASE_DURATION = SyncLease.DEFAULT_DURATION;

    public SyncRequest {
        if (applySetNamespace == null || applySetNamespace.isBlank()) {
            applySetNamespace = DEFAULT_NAMESPACE;
        }
        if (defaultNamespace == null || defaultNamespace.isBlank()) {
            defaultNamespace = applySetNamespace;
        }
        if (targetNamespace != null && targetNamespace.isBlank()) {
            targetNamespace = null;
        }
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        concurrencyProblem(concurrency).ifPresent(problem -> {
            throw new SyncException(problem);
        });
        if (concurrency == 0) {
            concurrency = DEFAULT_CONCURRENCY;
        }
        if (leaseDuration == null || leaseDuration.toSeconds() < 1) {
            leaseDuration = DEFAULT_LEASE_DURATION;
        }
        if (origin == null || origin.isBlank()) {
            origin = "gitops-sync";
        }
        if (renderOptions == null) {
            renderOptions = RenderOptions.defaults();
        }
    }

    /** Why a concurrency cannot be used, or empty: 0 means the default, 1 to {@value #MAX_CONCURRENCY} are used as given. */
    public static Optional<String> concurrencyProblem(int concurrency) {
        return concurrency >= 0 && concurrency <= MAX_CONCURRENCY ? Optional.empty()
                : Optional.of("concurrency " + concurrency + " is out of bounds: give 1 to " + MAX_CONCURRENCY
                        + " parallel requests (0 for the default, " + DEFAULT_CONCURRENCY + ")");
    }

    public static Builder builder(ManifestSource source, String applySetName) {
        return new Builder(source, applySetName);
    }

    /** Fluent construction; an option not set keeps its DEFAULT_ constant. */
    public static final class Builder {
        private final ManifestSource source;
        private final String applySetName;
        private String applySetNamespace;
        private String defaultNamespace;
        private String targetNamespace;
        private boolean prune = DEFAULT_PRUNE;
        private boolean allowEmpty = DEFAULT_ALLOW_EMPTY;
        private boolean dryRun = DEFAULT_DRY_RUN;
        private boolean force = DEFAULT_FORCE;
        private boolean waitForHealth = DEFAULT_WAIT_FOR_HEALTH;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration leaseDuration = DEFAULT_LEASE_DURATION;
        private SignatureCheck signatureCheck;
        private String origin;
        private RenderOptions renderOptions;

        private Builder(ManifestSource source, String applySetName) {
            this.source = source;
            this.applySetName = applySetName;
        }

        public Builder applySetNamespace(String v) { this.applySetNamespace = v; return this; }
        public Builder defaultNamespace(String v) { this.defaultNamespace = v; return this; }
        public Builder targetNamespace(String v) { this.targetNamespace = v; return this; }
        public Builder prune(boolean v) { this.prune = v; return this; }
        public Builder allowEmpty(boolean v) { this.allowEmpty = v; return this; }
        public Builder dryRun(boolean v) { this.dryRun = v; return this; }
        public Builder force(boolean v) { this.force = v; return this; }
        public Builder waitForHealth(boolean v) { this.waitForHealth = v; return this; }
        public Builder timeout(Duration v) { this.timeout = v; return this; }
        public Builder concurrency(int v) { this.concurrency = v; return this; }
        public Builder leaseDuration(Duration v) { this.leaseDuration = v; return this; }
        public Builder verifySignatures(SignatureCheck v) { this.signatureCheck = v; return this; }
        public Builder origin(String v) { this.origin = v; return this; }
        public Builder renderOptions(RenderOptions v) { this.renderOptions = v; return this; }

        public SyncRequest build() {
            return new SyncRequest(source, applySetName, applySetNamespace, defaultNamespace, targetNamespace,
                    prune, allowEmpty, dryRun, force, waitForHealth, timeout, concurrency, leaseDuration, signatureCheck,
                    origin, renderOptions);
        }
    }
}
