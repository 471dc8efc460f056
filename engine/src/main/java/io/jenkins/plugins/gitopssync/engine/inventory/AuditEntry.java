package io.jenkins.plugins.gitopssync.engine.inventory;

import java.io.Serializable;

/**
 * One line of the audit trail in the ApplySet parent: who synced which revision, when, from where.
 * Public data only; {@link AuditTrail} bounds each field and strips credentials from URLs.
 *
 * @param time     when the sync recorded its inventory (ISO-8601, UTC)
 * @param revision the commit applied
 * @param path     the path inside the repository
 * @param signer   who signed it, when the signature was verified (identity and key), else null
 * @param origin   who ran the sync: {@code gitops-sync user@host}, or a Jenkins build URL and user
 * @param outcome  {@code applied}, or {@code failed} when objects failed to apply (the inventory still records
 *                 what was written)
 */
public record AuditEntry(String time, String revision, String path, String signer, String origin, String outcome)
        implements Serializable {
}
