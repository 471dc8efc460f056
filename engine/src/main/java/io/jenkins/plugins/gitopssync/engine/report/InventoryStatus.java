package io.jenkins.plugins.gitopssync.engine.report;

import java.io.Serializable;
import java.util.List;

/**
 * What the trigger and {@code gitops-sync status} need: the last applied revision (null when the
 * ApplySet does not exist yet), how many objects it owns, and which of them drifted.
 */
public record InventoryStatus(String applySet, String namespace, boolean exists, String lastRevision,
                              String lastPath, int objectCount, List<ObjectResult> drifted, long apiRequests)
        implements Serializable {

    public InventoryStatus {
        drifted = List.copyOf(drifted);
    }
}
