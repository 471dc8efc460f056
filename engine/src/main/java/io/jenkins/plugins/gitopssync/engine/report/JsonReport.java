package io.jenkins.plugins.gitopssync.engine.report;

/**
 * The JSON report: revision, path, applySet, status, dryRun, objects[] (group, version, kind,
 * namespace, name, action as a lower-case word, drift, diff, error, source, health), totals,
 * phases, durationMs, apiRequests, errors, warnings.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String toJson(SyncResult result) {
        throw new UnsupportedOperationException("not yet built");
    }
}
