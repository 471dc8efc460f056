package io.jenkins.plugins.gitopssync.pages;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.gitopssync.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.Stapler;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The record of one gitopsSync call in a build: a summary on the build page and a detail page at
 * {@code <build>/gitops-<n>/} (the objects to look at first, then every object a page at a time from the
 * JSON report kept beside {@code build.xml}, with masked diffs and errors). A build with several calls
 * (several paths or clusters) has one action per call, numbered in the order they finished.
 */
@Restricted(NoExternalUse.class)
public final class GitOpsSyncAction extends BuildAttachedAction {

    private static final Object ATTACH_LOCK = new Object();

    private final int index;
    private final SyncRecord record;

    GitOpsSyncAction(int index, SyncRecord record) {
        this.index = index;
        this.record = record;
    }

    /** Adds a new action for this sync to the build (numbered after the ones already there) and the build's badge. */
    public static GitOpsSyncAction attach(@NonNull Run<?, ?> run, @NonNull SyncRecord record) {
        GitOpsSyncAction action;
        synchronized (ATTACH_LOCK) {
            // parallel branches may finish together: numbering and adding must not interleave
            int next = 1;
            for (GitOpsSyncAction a : run.getActions(GitOpsSyncAction.class)) {
                next = Math.max(next, a.index + 1);
            }
            action = new GitOpsSyncAction(next, record);
            run.addAction(action);
            if (run.getAction(DriftBadgeAction.class) == null) {
                run.addAction(new DriftBadgeAction());
            }
        }
        return action;
    }

    /** Every sync recorded in a build, in order. */
    public static List<SyncRecord> recordsOf(@CheckForNull Run<?, ?> run) {
        List<SyncRecord> out = new ArrayList<>();
        if (run != null) {
            run.getActions(GitOpsSyncAction.class).stream()
                    .sorted((a, b) -> Integer.compare(a.index, b.index))
                    .forEach(a -> out.add(a.record));
        }
        return out;
    }

    public int getIndex() {
        return index;
    }

    public SyncRecord getRecord() {
        return record;
    }

    /** Where the engine's JSON report of this sync is kept, inside the build's folder. */
    File reportFile() {
        return new File(new File(getRun().getRootDir(), "gitops-sync"), index + ".json");
    }

    /**
     * Keeps the engine's JSON report of this sync with the build: copied once from where the sync wrote it (the
     * agent's workspace), streamed, never held whole in memory.
     */
    public void keepReport(FilePath written) throws IOException, InterruptedException {
        File file = reportFile();
        Files.createDirectories(file.getParentFile().toPath());
        written.copyTo(new FilePath(file));
    }

    /**
     * One page of this sync's objects for the detail page, from {@code ?start=N&show=changed} of the request:
     * read from the JSON report on each view.
     */
    public ObjectPage getObjectPage() throws IOException {
        StaplerRequest2 req = Stapler.getCurrentRequest2();
        int start = 0;
        boolean changedOnly = false;
        if (req != null) {
            start = parseStart(req.getParameter("start"));
            changedOnly = "changed".equals(req.getParameter("show"));
        }
        return ObjectPage.read(getRun() == null ? null : reportFile(), record, start, changedOnly);
    }

    private static int parseStart(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean isReportAvailable() {
        return getRun() != null && reportFile().isFile();
    }

    /** {@code <build>/gitops-<n>/json}: the JSON report (reached through the build, so Read on the job applies). */
    public void doJson(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        File file = getRun() == null ? null : reportFile();
        if (file == null || !file.isFile()) {
            rsp.sendError(404, Messages.GitOpsSyncAction_NoReport());
            return;
        }
        rsp.setContentType("application/json;charset=utf-8");
        rsp.setContentLengthLong(file.length());
        Files.copy(file.toPath(), rsp.getOutputStream()); // streamed: reports of large syncs are megabytes
    }

    @Override
    public String getIconFileName() {
        return "symbol-swap";
    }

    @Override
    public String getDisplayName() {
        return Messages.GitOpsSyncAction_DisplayName(record.getApplySet());
    }

    @Override
    public String getUrlName() {
        return "gitops-" + index;
    }
}
