package io.jenkins.plugins.gitopssync.engine.report;

import io.jenkins.plugins.gitopssync.engine.render.RenderedChart;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything one sync (or dry run) found and did. Serializable because it crosses the Jenkins agent
 * channel; {@link JsonReport} turns it into the JSON report. {@code errors} holds failures that
 * belong to no single object (render, plan, cluster unreachable, health timeout...).
 * {@code phaseMillis} maps phase name (render, plan, diff, apply, prune, health) to milliseconds.
 * {@code verification} names who signed the revision when its signatures were checked (else null).
 * {@code chart} names the chart when the path is one (else null).
 */
public record SyncResult(String revision, String path, String applySet, SyncStatus status, boolean dryRun,
                         List<ObjectResult> objects, Totals totals, Map<String, Long> phaseMillis,
                         long durationMs, long apiRequests, List<String> errors, List<String> warnings,
                         VerifiedRevision verification, RenderedChart chart)
        implements Serializable {

    /** Not a chart. */
    public SyncResult(String revision, String path, String applySet, SyncStatus status, boolean dryRun,
                      List<ObjectResult> objects, Totals totals, Map<String, Long> phaseMillis,
                      long durationMs, long apiRequests, List<String> errors, List<String> warnings,
                      VerifiedRevision verification) {
        this(revision, path, applySet, status, dryRun, objects, totals, phaseMillis, durationMs, apiRequests, errors,
                warnings, verification, null);
    }

    /** Without a signature check. */
    public SyncResult(String revision, String path, String applySet, SyncStatus status, boolean dryRun,
                      List<ObjectResult> objects, Totals totals, Map<String, Long> phaseMillis,
                      long durationMs, long apiRequests, List<String> errors, List<String> warnings) {
        this(revision, path, applySet, status, dryRun, objects, totals, phaseMillis, durationMs, apiRequests, errors,
                warnings, null, null);
    }

    public SyncResult {
        objects = List.copyOf(objects);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        phaseMillis = Map.copyOf(phaseMillis);
    }

    public boolean failed() {
        return status == SyncStatus.Failed;
    }

    public List<ObjectResult> drifted() {
        return objects.stream().filter(ObjectResult::drift).toList();
    }
}
