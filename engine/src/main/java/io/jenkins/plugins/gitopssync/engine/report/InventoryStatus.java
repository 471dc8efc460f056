package io.jenkins.plugins.gitopssync.engine.report;

import io.jenkins.plugins.gitopssync.engine.inventory.AuditEntry;
import java.io.Serializable;
import java.util.List;

/**
 * What the trigger and {@code gitops-sync status} need: the last applied revision (null when the
 * ApplySet does not exist yet), how many objects it owns, which of them drifted, and the audit trail
 * of the parent (who synced what, oldest first).
 */
public record InventoryStatus(String applySet, String namespace, boolean exists, String lastRevision,
                              String lastPath, int objectCount, List<ObjectResult> drifted, long apiRequests,
                              List<AuditEntry> audit)
        implements Serializable {

    public InventoryStatus {
        drifted = drifted == null ? List.of() : List.copyOf(drifted);
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    /** The status of ApplySet {@code applySet} in {@code namespace}: absent, with nothing found, until set. */
    public static Builder builder(String applySet, String namespace) {
        return new Builder(applySet, namespace);
    }

    /** Named parts; what is not set is empty or zero. */
    public static final class Builder {
        private final String applySet;
        private final String namespace;
        private boolean exists;
        private String lastRevision;
        private String lastPath;
        private int objectCount;
        private List<ObjectResult> drifted;
        private long apiRequests;
        private List<AuditEntry> audit;

        private Builder(String applySet, String namespace) {
            this.applySet = applySet;
            this.namespace = namespace;
        }

        public Builder exists(boolean v) { exists = v; return this; }
        public Builder lastRevision(String v) { lastRevision = v; return this; }
        public Builder lastPath(String v) { lastPath = v; return this; }
        public Builder objectCount(int v) { objectCount = v; return this; }
        public Builder drifted(List<ObjectResult> v) { drifted = v; return this; }
        public Builder apiRequests(long v) { apiRequests = v; return this; }
        public Builder audit(List<AuditEntry> v) { audit = v; return this; }

        public InventoryStatus build() {
            return new InventoryStatus(applySet, namespace, exists, lastRevision, lastPath, objectCount, drifted,
                    apiRequests, audit);
        }
    }
}
