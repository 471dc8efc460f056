package io.jenkins.plugins.gitopssync.engine.report;

/**
 * Shields-style SVG: "gitops | synced" (green), "gitops | drift N" (orange), "gitops | out of sync"
 * (yellow), "gitops | failed" (red), "gitops | unknown" (grey).
 */
public final class SvgBadge {

    private SvgBadge() {
    }

    public static String forResult(SyncResult result) {
        throw new UnsupportedOperationException("not yet built");
    }

    public static String render(SyncStatus status, int driftCount) {
        throw new UnsupportedOperationException("not yet built");
    }

    public static String unknown() {
        throw new UnsupportedOperationException("not yet built");
    }
}
