package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.engine.source.GitUrls;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import io.jenkins.plugins.gitopssync.engine.verify.Signer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one gitopsSync call found and did, as stored with the build: the engine's SyncResult plus the
 * repository URL and ref it came from. Plain fields, so XStream can write and read it.
 */
public final class SyncRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String ref;
    private final String revision;
    private final String path;
    private final String applySet;
    private final SyncStatus status;
    private final boolean dryRun;
    private final List<SyncedObject> objects;
    private final int created;
    private final int configured;
    private final int unchanged;
    private final int pruned;
    private final int skipped;
    private final int failed;
    private final int drifted;
    private final long durationMs;
    private final long apiRequests;
    private final List<String> errors;
    private final List<String> warnings;
    /** Who signed the revision, one line per verified object; null in records without a signature check. */
    private List<String> signatures;
    /** The phases and waves as they ran; null in records from before phases and waves. */
    private List<SyncedWave> waves;
    /** Every hook of the set and what became of it; null in records from before hooks. */
    private List<SyncedHook> hooks;
    /** The chart the path held (name, version, values files, release); null for other renders. */
    private String chartName;
    private String chartVersion;
    private List<String> chartValuesFiles;
    private String releaseName;

    public SyncRecord(String url, String ref, String revision, String path, String applySet, SyncStatus status,
                      boolean dryRun, List<SyncedObject> objects, Totals totals, long durationMs, long apiRequests,
                      List<String> errors, List<String> warnings) {
        this.url = url;
        this.ref = ref;
        this.revision = revision;
        this.path = path;
        this.applySet = applySet;
        this.status = status == null ? SyncStatus.Failed : status;
        this.dryRun = dryRun;
        this.objects = new ArrayList<>(objects);
        Totals t = totals == null ? new Totals(0, 0, 0, 0, 0, 0, 0) : totals;
        this.created = t.created();
        this.configured = t.configured();
        this.unchanged = t.unchanged();
        this.pruned = t.pruned();
        this.skipped = t.skipped();
        this.failed = t.failed();
        this.drifted = t.drifted();
        this.durationMs = durationMs;
        this.apiRequests = apiRequests;
        this.errors = new ArrayList<>(errors == null ? List.of() : errors);
        this.warnings = new ArrayList<>(warnings == null ? List.of() : warnings);
    }

    public static SyncRecord of(SyncResult r, String url, String ref) {
        List<SyncedObject> objects = new ArrayList<>();
        for (ObjectResult o : r.objects()) {
            objects.add(SyncedObject.of(o));
        }
        Totals totals = r.totals() != null ? r.totals() : Totals.of(r.objects());
        SyncRecord record = new SyncRecord(url, ref, r.revision(), r.path(), r.applySet(), r.status(), r.dryRun(), objects,
                totals, r.durationMs(), r.apiRequests(), r.errors(), r.warnings());
        if (r.verification() != null) {
            record.signatures = r.verification().signers().stream().map(Signer::describe).toList();
        }
        record.waves = new ArrayList<>(r.waves().stream().map(SyncedWave::of).toList());
        record.hooks = new ArrayList<>(r.hooks().stream().map(SyncedHook::of).toList());
        if (r.chart() != null) {
            record.chartName = r.chart().name();
            record.chartVersion = r.chart().version();
            record.chartValuesFiles = new ArrayList<>(r.chart().valuesFiles());
            record.releaseName = r.chart().releaseName();
        }
        return record;
    }

    public String getUrl() { return url; }
    public String getRef() { return ref; }
    public String getRevision() { return revision; }
    public String getShortRevision() { return Revisions.shortId(revision); }
    /** A web link to the commit for http(s) repositories, else null. */
    public String getRevisionLink() { return GitUrls.commitLink(url, revision); }
    public String getPath() { return path; }
    public String getApplySet() { return applySet; }
    public SyncStatus getStatus() { return status; }
    public boolean isDryRun() { return dryRun; }
    public List<SyncedObject> getObjects() { return List.copyOf(objects); }
    public int getCreated() { return created; }
    public int getConfigured() { return configured; }
    public int getUnchanged() { return unchanged; }
    public int getPruned() { return pruned; }
    public int getSkipped() { return skipped; }
    public int getFailed() { return failed; }
    public int getDrifted() { return drifted; }
    public long getDurationMs() { return durationMs; }
    public long getApiRequests() { return apiRequests; }
    public List<String> getErrors() { return List.copyOf(errors); }
    public List<String> getWarnings() { return List.copyOf(warnings); }
    /** Verified signatures of the revision (e.g. {@code commit 1a2b... signed by Alice (openpgp key ...)}); empty when not checked. */
    public List<String> getSignatures() { return signatures == null ? List.of() : List.copyOf(signatures); }

    public List<SyncedWave> getWaves() { return waves == null ? List.of() : List.copyOf(waves); }
    public List<SyncedHook> getHooks() { return hooks == null ? List.of() : List.copyOf(hooks); }

    /** Whether the sync had phases worth showing: hooks, or more than one wave. */
    public boolean isPhased() {
        return getWaves().size() > 1 || !getHooks().isEmpty();
    }
    /** The chart's name, or null when the path was not a chart. */
    public String getChartName() { return chartName; }
    public String getChartVersion() { return chartVersion; }
    /** The chart's values files, in order; empty for none (or no chart). */
    public List<String> getChartValuesFiles() { return chartValuesFiles == null ? List.of() : List.copyOf(chartValuesFiles); }
    public String getReleaseName() { return releaseName; }

    public boolean isFailedSync() {
        return status == SyncStatus.Failed;
    }

    public List<SyncedObject> getDriftedObjects() {
        return objects.stream().filter(SyncedObject::isDrift).toList();
    }

    public List<SyncedObject> getFailedObjects() {
        return objects.stream().filter(SyncedObject::isFailed).toList();
    }

    /** "synced", "drift", "out of sync" or "failed", for pages and logs. */
    public String getStatusWord() {
        return switch (status) {
            case Synced -> "synced";
            case Drift -> "drift";
            case OutOfSync -> "out of sync";
            case Failed -> "failed";
        };
    }
}
