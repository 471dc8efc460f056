package io.jenkins.plugins.gitopssync.engine;

import io.jenkins.plugins.gitopssync.engine.lease.SyncLease;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.engine.verify.SignatureCheck;
import java.time.Duration;

/**
 * What to sync and how.
 *
 * @param source           the checked-out repository, revision and path
 * @param applySetName     name of the ApplySet parent Secret (the inventory)
 * @param applySetNamespace namespace of the parent Secret; also the lease's namespace
 * @param defaultNamespace namespace given to namespaced objects that name none
 * @param targetNamespace  when set, overrides the namespace of every namespaced object
 * @param prune            delete objects the inventory owns that left Git
 * @param allowEmpty       allow an empty render to prune everything
 * @param dryRun           diff only: nothing is written to the cluster
 * @param force            delete and re-create objects whose immutable fields changed
 * @param waitForHealth    wait until applied objects are healthy
 * @param timeout          health wait (and CRD establishment) limit
 * @param concurrency      parallel API calls inside one apply stage
 * @param leaseDuration    how long the sync's lease lasts without renewal (renewed every third of it):
 *                         after it, a stalled sync can be overtaken; default 60 s
 * @param signatureCheck   when set, the revision's signatures are verified before anything is rendered or
 *                         read from the cluster; a revision that fails is not synced (null: no check)
 * @param origin           who runs the sync, for the audit trail in the ApplySet parent: the CLI gives
 *                         {@code gitops-sync user@host}, the plugin the build URL and the user who started it;
 *                         public text only (credentials in URLs are stripped); default {@code gitops-sync}
 */
public record SyncRequest(ManifestSource source, String applySetName, String applySetNamespace,
                          String defaultNamespace, String targetNamespace, boolean prune, boolean allowEmpty,
                          boolean dryRun, boolean force, boolean waitForHealth, Duration timeout, int concurrency,
                          Duration leaseDuration, SignatureCheck signatureCheck, String origin) {

    public SyncRequest {
        if (applySetNamespace == null || applySetNamespace.isBlank()) {
            applySetNamespace = "default";
        }
        if (defaultNamespace == null || defaultNamespace.isBlank()) {
            defaultNamespace = applySetNamespace;
        }
        if (targetNamespace != null && targetNamespace.isBlank()) {
            targetNamespace = null;
        }
        if (timeout == null) {
            timeout = Duration.ofMinutes(5);
        }
        if (concurrency < 1) {
            concurrency = 8;
        }
        if (leaseDuration == null || leaseDuration.toSeconds() < 1) {
            leaseDuration = SyncLease.DEFAULT_DURATION;
        }
        if (origin == null || origin.isBlank()) {
            origin = "gitops-sync";
        }
    }

    public static Builder builder(ManifestSource source, String applySetName) {
        return new Builder(source, applySetName);
    }

    /** Fluent construction; every option has the default described on the record. */
    public static final class Builder {
        private final ManifestSource source;
        private final String applySetName;
        private String applySetNamespace;
        private String defaultNamespace;
        private String targetNamespace;
        private boolean prune;
        private boolean allowEmpty;
        private boolean dryRun;
        private boolean force;
        private boolean waitForHealth;
        private Duration timeout;
        private int concurrency;
        private Duration leaseDuration;
        private SignatureCheck signatureCheck;
        private String origin;

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

        public SyncRequest build() {
            return new SyncRequest(source, applySetName, applySetNamespace, defaultNamespace, targetNamespace,
                    prune, allowEmpty, dryRun, force, waitForHealth, timeout, concurrency, leaseDuration, signatureCheck,
                    origin);
        }
    }
}
