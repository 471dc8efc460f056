package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.engine.report.Totals;
import io.jenkins.plugins.gitopssync.engine.source.GitUrls;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import io.jenkins.plugins.gitopssync.engine.verify.Signer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What one gitopsSync call found and did, as kept in {@code build.xml}: where it came from, the totals, the
 * errors and warnings, and the objects a person looks at first ({@link NotableObjects}), all bounded. Every
 * object with its diff is in the build's JSON report, which the detail page reads a page at a time. Plain
 * fields, so XStream can write and read it. Records written before this version kept every object with its
 * diff in {@code objects}: they still load (their groups are made on load) and show.
 */
@Restricted(NoExternalUse.class)
public final class SyncRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Errors and warnings kept, each at most {@link #TEXT_LIMIT} characters; the JSON report has them all. */
    static final int MESSAGE_LIMIT = 20;
    static final int TEXT_LIMIT = 500;

    private final String url;
    private final String ref;
    private final String revision;
    private final String path;
    private final String applySet;
    private final SyncStatus status;
    private final boolean dryRun;
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
    /** How many errors and warnings were not kept (absent in records written before this version). */
    private int moreErrors;
    private int moreWarnings;
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
    /** The objects a person looks at first; made on load for records written before this version. */
    private List<ObjectGroup> groups;
    /** Every object with its diff: only in records written before this version (read, never written). */
    private List<SyncedObject> objects;

    public SyncRecord(String url, String ref, String revision, String path, String applySet, SyncStatus status,
                      boolean dryRun, List<ObjectGroup> groups, Totals totals, long durationMs, long apiRequests,
                      List<String> errors, List<String> warnings) {
        this.url = url;
        this.ref = ref;
        this.revision = revision;
        this.path = path;
        this.applySet = applySet;
        this.status = status == null ? SyncStatus.Failed : status;
        this.dryRun = dryRun;
        this.groups = new ArrayList<>(groups);
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
        this.errors = bounded(errors);
        this.warnings = bounded(warnings);
        this.moreErrors = errors == null ? 0 : errors.size() - this.errors.size();
        this.moreWarnings = warnings == null ? 0 : warnings.size() - this.warnings.size();
    }

    /** The record of a sync, made where it ran (on the agent), so only this bounded record crosses the channel. */
    public static SyncRecord of(SyncResult r, String url, String ref) {
        Totals totals = r.totals() != null ? r.totals() : Totals.of(r.objects());
        SyncRecord record = new SyncRecord(url, ref, r.revision(), r.path(), r.applySet(), r.status(), r.dryRun(),
                NotableObjects.of(r.objects()), totals, r.durationMs(), r.apiRequests(), r.errors(), r.warnings());
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

    private static List<String> bounded(List<String> messages) {
        List<String> out = new ArrayList<>();
        if (messages != null) {
            for (int i = 0; i < messages.size() && i < MESSAGE_LIMIT; i++) {
                out.add(SyncedObject.shorten(messages.get(i), TEXT_LIMIT));
            }
        }
        return out;
    }

    /** Records written before this version: their groups from the objects they kept. */
    private Object readResolve() {
        if (groups == null) {
            groups = NotableObjects.ofObjects(objects == null ? List.of() : objects);
        }
        return this;
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
    public int getMoreErrors() { return moreErrors; }
    public int getMoreWarnings() { return moreWarnings; }
    /** Verified signatures of the revision (e.g. {@code commit 1a2b... signed by Alice (openpgp key ...)}); empty when not checked. */
    public List<String> getSignatures() { return signatures == null ? List.of() : List.copyOf(signatures); }
    /** The failed, drifted, created, configured, pruned and skipped objects, bounded, in that order. */
    public List<ObjectGroup> getGroups() { return List.copyOf(groups); }

    /** Every object with its diff, as records written before this version kept them; null in newer records. */
    List<SyncedObject> legacyObjects() {
        return objects == null ? null : List.copyOf(objects);
    }

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

    /** The group of this kind, or null when the sync had no such object. */
    public ObjectGroup group(NotableObjects.Kind kind) {
        return groups.stream().filter(g -> g.getKind() == kind).findFirst().orElse(null);
    }

    /** The first drifted objects (at most {@link NotableObjects#LIMIT}; {@link #getDrifted()} counts them all). */
    public List<SyncedObject> getDriftedObjects() {
        ObjectGroup g = group(NotableObjects.Kind.DRIFTED);
        return g == null ? List.of() : g.getObjects();
    }

    /** The first failed objects (at most {@link NotableObjects#LIMIT}; {@link #getFailed()} counts them all). */
    public List<SyncedObject> getFailedObjects() {
        ObjectGroup g = group(NotableObjects.Kind.FAILED);
        return g == null ? List.of() : g.getObjects();
    }

    /** The status as the pages say it. */
    public String getStatusText() {
        return statusText(status);
    }

    static String statusText(SyncStatus status) {
        return switch (status) {
            case Synced -> Messages.SyncStatus_Synced();
            case Drift -> Messages.SyncStatus_Drift();
            case OutOfSync -> Messages.SyncStatus_OutOfSync();
            case Failed -> Messages.SyncStatus_Failed();
        };
    }

    /** "synced", "drift", "out of sync" or "failed": a value of the step's result and the build log, never translated. */
    public String getStatusWord() {
        return switch (status) {
            case Synced -> "synced";
            case Drift -> "drift";
            case OutOfSync -> "out of sync"; // NOI18N: a value of the step's result
            case Failed -> "failed";
        };
    }
}
