package io.jenkins.plugins.gitopssync.pages;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.XmlFile;
import hudson.model.Items;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * A job's GitOps state in a few hundred bytes, kept in {@code <job>/gitops-sync.xml} and in memory: the latest
 * completed build that synced, its syncs' state (for the job page and the badges) and the latest revision of
 * each ApplySet. Written when such a build completes ({@link JobSyncStateListener}), so a job page view or a
 * badge request loads no build. Jobs that synced before this file existed get it once from their last
 * {@link JobGitOpsAction#LOOKBACK} builds.
 */
@Restricted(NoExternalUse.class)
public final class JobSyncState {

    private static final Logger LOGGER = Logger.getLogger(JobSyncState.class.getName());
    private static final String FILE = "gitops-sync.xml";
    /** ApplySets whose latest revision is kept; the oldest is dropped first. */
    static final int REVISIONS_LIMIT = 50;
    /** Read once per job and kept while the job is loaded; a deleted job's entry goes with it. */
    private static final Map<Job<?, ?>, JobSyncState> CACHE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final JobSyncState NONE = new JobSyncState();

    /** One sync of the latest build: what the job page lists. */
    public static final class Sync {
        private final String applySet;
        private final SyncStatus status;
        private final String shortRevision;

        Sync(SyncRecord r) {
            this.applySet = r.getApplySet();
            this.status = r.getStatus();
            this.shortRevision = r.getShortRevision();
        }

        public String getApplySet() { return applySet; }
        public SyncStatus getStatus() { return status; }
        public String getStatusText() { return SyncRecord.statusText(status); }
        public String getShortRevision() { return shortRevision; }
    }

    private int build;
    private SyncStatus status;
    private int driftCount;
    private int failedCount;
    private List<Sync> syncs = new ArrayList<>();
    /** ApplySet to the revision of its latest sync or dry run, oldest first. */
    private LinkedHashMap<String, String> revisions = new LinkedHashMap<>();

    private JobSyncState() {
    }

    /** The job's state, or null before its first completed build with a sync. */
    @CheckForNull
    public static JobSyncState of(Job<?, ?> job) {
        JobSyncState s = CACHE.computeIfAbsent(job, JobSyncState::load);
        return s == NONE ? null : s;
    }

    /** After a build with syncs completed: it becomes the job's latest sync (when it is newer than the kept one). */
    static void completed(Run<?, ?> run) {
        List<SyncRecord> records = GitOpsSyncAction.recordsOf(run);
        if (records.isEmpty()) {
            return;
        }
        Job<?, ?> job = run.getParent();
        synchronized (CACHE) {
            JobSyncState old = CACHE.computeIfAbsent(job, JobSyncState::load);
            if (old != NONE && old.build > run.getNumber()) {
                return;
            }
            JobSyncState s = new JobSyncState();
            if (old != NONE) {
                s.revisions.putAll(old.revisions);
            }
            s.take(run.getNumber(), records);
            CACHE.put(job, s);
            s.save(job);
        }
    }

    /** After a build was deleted: when it was the latest sync, the state is found again from the builds. */
    static void deleted(Run<?, ?> run) {
        Job<?, ?> job = run.getParent();
        synchronized (CACHE) {
            JobSyncState s = CACHE.get(job);
            if (s != null && s != NONE && s.build == run.getNumber()) {
                CACHE.remove(job);
                try {
                    file(job).delete();
                } catch (IOException e) {
                    LOGGER.log(Level.WARNING, "Could not remove the GitOps state of " + job.getFullName(), e);
                }
            }
        }
    }

    private void take(int number, List<SyncRecord> records) {
        BadgeState badge = BadgeState.of(records);
        build = number;
        status = badge.status();
        driftCount = badge.driftCount();
        failedCount = badge.failedCount();
        syncs = new ArrayList<>();
        for (SyncRecord r : records) {
            syncs.add(new Sync(r));
            revisions.remove(r.getApplySet());
            revisions.put(r.getApplySet(), r.getRevision());
        }
        while (revisions.size() > REVISIONS_LIMIT) {
            revisions.remove(revisions.keySet().iterator().next());
        }
    }

    private static JobSyncState load(Job<?, ?> job) {
        XmlFile file = file(job);
        if (file.exists()) {
            try {
                JobSyncState s = (JobSyncState) file.read();
                if (s.syncs != null && s.revisions != null && s.status != null) {
                    return s;
                }
            } catch (IOException | RuntimeException e) {
                LOGGER.log(Level.WARNING, "Unreadable " + file + "; finding the GitOps state from the builds again", e);
            }
        }
        return fromBuilds(job);
    }

    /** Once per job without a state file: the latest of its last LOOKBACK completed builds that synced. */
    private static JobSyncState fromBuilds(Job<?, ?> job) {
        Run<?, ?> r = job.getLastCompletedBuild();
        for (int i = 0; r != null && i < JobGitOpsAction.LOOKBACK; i++, r = r.getPreviousCompletedBuild()) {
            List<SyncRecord> records = GitOpsSyncAction.recordsOf(r);
            if (!records.isEmpty()) {
                JobSyncState s = new JobSyncState();
                s.take(r.getNumber(), records);
                s.save(job);
                return s;
            }
        }
        return NONE;
    }

    private void save(Job<?, ?> job) {
        try {
            file(job).write(this);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not write the GitOps state of " + job.getFullName(), e);
        }
    }

    private static XmlFile file(Job<?, ?> job) {
        return new XmlFile(Items.XSTREAM2, new File(job.getRootDir(), FILE));
    }

    /** Number of the latest completed build that synced. */
    public int getBuild() { return build; }
    public List<Sync> getSyncs() { return List.copyOf(syncs); }

    /** The combined state of that build's syncs, as its badge shows it. */
    public BadgeState getBadge() {
        return new BadgeState(status, driftCount, failedCount);
    }

    /** The revision of the latest sync or dry run of this ApplySet in the job, or null. */
    @CheckForNull
    public String revisionOf(String applySet) {
        return revisions.get(applySet);
    }
}
