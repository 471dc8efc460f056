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

    /** A result of the sync of {@code revision} (or "") at {@code path} with ApplySet {@code applySet}; see {@link Builder}. */
    public static Builder builder(String revision, String path, String applySet) {
        return new Builder(revision, path, applySet);
    }

    public SyncResult {
        objects = objects == null ? List.of() : List.copyOf(objects);
        totals = totals == null ? Totals.of(objects) : totals;
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        phaseMillis = phaseMillis == null ? Map.of() : Map.copyOf(phaseMillis);
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

    /**
     * Named parts; what is not set is empty (no objects, phases, errors, warnings, waves or hooks; totals counted
     * from the objects; no signature check, no chart; zero time and requests). The status is Failed until set.
     */
    public static final class Builder {
        private final String revision;
        private final String path;
        private final String applySet;
        private SyncStatus status = SyncStatus.Failed;
        private boolean dryRun;
        private List<ObjectResult> objects;
        private Totals totals;
        private Map<String, Long> phaseMillis;
        private long durationMs;
        private long apiRequests;
        private List<String> errors;
        private List<String> warnings;
        private VerifiedRevision verification;
        private List<WaveResult> waves;
        private List<HookResult> hooks;
        private RenderedChart chart;

        private Builder(String revision, String path, String applySet) {
            this.revision = revision;
            this.path = path;
            this.applySet = applySet;
        }

        public Builder status(SyncStatus v) { status = v; return this; }
        public Builder dryRun(boolean v) { dryRun = v; return this; }
        public Builder objects(List<ObjectResult> v) { objects = v; return this; }
        public Builder totals(Totals v) { totals = v; return this; }
        public Builder phaseMillis(Map<String, Long> v) { phaseMillis = v; return this; }
        public Builder durationMs(long v) { durationMs = v; return this; }
        public Builder apiRequests(long v) { apiRequests = v; return this; }
        public Builder errors(List<String> v) { errors = v; return this; }
        public Builder warnings(List<String> v) { warnings = v; return this; }
        public Builder verification(VerifiedRevision v) { verification = v; return this; }
        public Builder waves(List<WaveResult> v) { waves = v; return this; }
        public Builder hooks(List<HookResult> v) { hooks = v; return this; }
        public Builder chart(RenderedChart v) { chart = v; return this; }

        public SyncResult build() {
            return new SyncResult(revision, path, applySet, status, dryRun, objects, totals, phaseMillis, durationMs,
                    apiRequests, errors, warnings, verification, waves, hooks, chart);
        }
    }

    public boolean failed() {
        return status == SyncStatus.Failed;
    }

    public List<ObjectResult> drifted() {
        return objects.stream().filter(ObjectResult::drift).toList();
    }
}
