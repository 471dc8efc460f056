package io.jenkins.plugins.gitopssync.engine.report;

import io.jenkins.plugins.gitopssync.engine.render.RenderedChart;
import io.jenkins.plugins.gitopssync.engine.verify.VerifiedRevision;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything one sync (or dry run) found and did; {@link JsonReport} turns it into the JSON report.
 * {@code errors} holds failures that belong to no single object (render, plan, cluster unreachable, health
 * timeout...). {@code phaseMillis} maps phase name (render, plan, diff, apply, prune, health) to milliseconds.
 * {@code verification} names who signed the revision when its signatures were checked (else null).
 * {@code waves} lists the sync's phases and waves in the order they ran (in a dry run: would run), and
 * {@code hooks} every hook of the set with what became of it. {@code chart} names the chart when the path is
 * one (else null).
 */
public record SyncResult(String revision, String path, String applySet, SyncStatus status, boolean dryRun,
                         List<ObjectResult> objects, Totals totals, Map<String, Long> phaseMillis,
                         long durationMs, long apiRequests, List<String> errors, List<String> warnings,
                         VerifiedRevision verification, List<WaveResult> waves, List<HookResult> hooks,
                         RenderedChart chart)
        implements Serializable {

    /** Without phases, waves, hooks and chart. */
    public SyncResult(String revision, String path, String applySet, SyncStatus status, boolean dryRun,
                      List<ObjectResult> objects, Totals totals, Map<String, Long> phaseMillis,
                      long durationMs, long apiRequests, List<String> errors, List<String> warnings,
                      VerifiedRevision verification) {
        this(revision, path, applySet, status, dryRun, objects, totals, phaseMillis, durationMs, apiRequests, errors,
                warnings, verification, List.of(), List.of(), null);
    }

    /** Without a signature check. */
    public SyncResult(String revision, String path, String applySet, SyncStatus status, boolean dryRun,
                      List<ObjectResult> objects, Totals totals, Map<String, Long> phaseMillis,
                      long durationMs, long apiRequests, List<String> errors, List<String> warnings) {
        this(revision, path, applySet, status, dryRun, objects, totals, phaseMillis, durationMs, apiRequests, errors,
                warnings, null);
    }

    public SyncResult {
        objects = List.copyOf(objects);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        phaseMillis = Map.copyOf(phaseMillis);
        waves = waves == null ? List.of() : List.copyOf(waves);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    /**
     * The same result with {@code mask} applied to every text that could quote a value: diffs, errors, warnings,
     * hook errors (a hook's log lines).
     */
    public SyncResult masked(UnaryOperator<String> mask) {
        List<ObjectResult> maskedObjects = objects.stream().map(o -> o.masked(mask)).toList();
        List<HookResult> maskedHooks = hooks.stream().map(h -> new HookResult(h.phase(), h.wave(), h.group(), h.version(),
                h.kind(), h.namespace(), h.name(), h.source(), h.state(), mask.apply(h.error()), h.deleted())).toList();
        return new SyncResult(revision, path, applySet, status, dryRun, maskedObjects, totals, phaseMillis, durationMs,
                apiRequests, errors.stream().map(mask).toList(), warnings.stream().map(mask).toList(), verification, waves,
                maskedHooks, chart);
    }

    public boolean failed() {
        return status == SyncStatus.Failed;
    }

    public List<ObjectResult> drifted() {
        return objects.stream().filter(ObjectResult::drift).toList();
    }
}
