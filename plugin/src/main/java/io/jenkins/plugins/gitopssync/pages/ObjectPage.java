package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.engine.report.Action;
import io.jenkins.plugins.gitopssync.engine.report.JsonReportReader;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One page of a sync's objects for its detail page: read from the build's JSON report on each view (nothing of
 * it stays on the controller's heap), or from the objects a record written before this version kept. Either
 * every object, or only the changed ones (all but unchanged and not drifted).
 */
@Restricted(NoExternalUse.class)
public final class ObjectPage {

    /** Objects per page. */
    public static final int SIZE = 100;

    private static final Predicate<ObjectResult> CHANGED = o -> o.action() != Action.UNCHANGED || o.drift();

    private final List<SyncedObject> objects;
    private final int start;
    private final int matching;
    private final boolean changedOnly;
    private final boolean fromReport;

    private ObjectPage(List<SyncedObject> objects, int start, int matching, boolean changedOnly, boolean fromReport) {
        this.objects = objects;
        this.start = start;
        this.matching = matching;
        this.changedOnly = changedOnly;
        this.fromReport = fromReport;
    }

    /**
     * The page from {@code start} (rounded down to a page; negative is 0).
     *
     * @param report the build's JSON report of the sync, or null when there is none
     * @throws IOException when the report cannot be read
     */
    static ObjectPage read(File report, SyncRecord record, int start, boolean changedOnly) throws IOException {
        int first = Math.max(0, start) / SIZE * SIZE;
        if (report != null && report.isFile()) {
            JsonReportReader.Page page = JsonReportReader.page(report.toPath(), first, SIZE, changedOnly ? CHANGED : null);
            return new ObjectPage(page.objects().stream().map(SyncedObject::of).toList(), first, page.matching(),
                    changedOnly, true);
        }
        List<SyncedObject> all = record.legacyObjects();
        if (all == null) {
            return new ObjectPage(List.of(), 0, 0, changedOnly, false);
        }
        List<SyncedObject> matching = changedOnly
                ? all.stream().filter(o -> !"unchanged".equals(o.getAction()) || o.isDrift()).toList() : all;
        int from = Math.min(first, matching.size());
        return new ObjectPage(matching.subList(from, Math.min(from + SIZE, matching.size())), first, matching.size(),
                changedOnly, false);
    }

    public List<SyncedObject> getObjects() {
        return objects;
    }

    /** Whether the objects came from a JSON report or a record that kept them; false: none to show. */
    public boolean isAvailable() {
        return fromReport || matching > 0;
    }

    public boolean isChangedOnly() {
        return changedOnly;
    }

    /** 1-based number of the first object on this page, for "objects 101 to 200 of 10,000". */
    public int getFirst() {
        return objects.isEmpty() ? 0 : start + 1;
    }

    public int getLast() {
        return start + objects.size();
    }

    /** How many objects pass the page's filter. */
    public int getMatching() {
        return matching;
    }

    public boolean getHasPrevious() {
        return start > 0;
    }

    public boolean getHasNext() {
        return start + objects.size() < matching;
    }

    public int getPreviousStart() {
        return Math.max(0, start - SIZE);
    }

    public int getNextStart() {
        return start + SIZE;
    }

    /** The objects of this page that have a diff or an error to show below the table. */
    public List<SyncedObject> getDetails() {
        return objects.stream().filter(o -> o.isFailed() || o.getHasDiff() || o.getError() != null).toList();
    }
}
