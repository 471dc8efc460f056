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
        drifted = List.copyOf(drifted);
        audit = audit == null ? List.of() : List.copyOf(audit);
    }

    public InventoryStatus(String applySet, String namespace, boolean exists, String lastRevision,
                           String lastPath, int objectCount, List<ObjectResult> drifted, long apiRequests) {
        this(applySet, namespace, exists, lastRevision, lastPath, objectCount, drifted, apiRequests, List.of());
    }
}
