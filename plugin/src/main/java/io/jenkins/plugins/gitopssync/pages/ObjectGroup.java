package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.Messages;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * The objects of one sync a person looks at first, of one kind (failed, drifted, created, configured, pruned or
 * skipped), as kept in {@code build.xml}: the first {@link NotableObjects#LIMIT} of them and how many there were.
 */
@Restricted(NoExternalUse.class)
public final class ObjectGroup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final NotableObjects.Kind kind;
    private final int total;
    private final List<SyncedObject> objects;

    ObjectGroup(NotableObjects.Kind kind, int total, List<SyncedObject> objects) {
        this.kind = kind;
        this.total = total;
        this.objects = new ArrayList<>(objects);
    }

    public NotableObjects.Kind getKind() {
        return kind;
    }

    /** How many objects of this kind the sync had. */
    public int getTotal() {
        return total;
    }

    /** The first of them, at most {@link NotableObjects#LIMIT}. */
    public List<SyncedObject> getObjects() {
        return List.copyOf(objects);
    }

    /** The group's heading: what happened to its objects (what would happen, in a dry run). */
    public String title(boolean dryRun) {
        return switch (kind) {
            case FAILED -> Messages.ObjectGroup_Failed(total);
            case DRIFTED -> Messages.ObjectGroup_Drifted(total);
            case CREATED -> dryRun ? Messages.ObjectGroup_ToCreate(total) : Messages.ObjectGroup_Created(total);
            case CONFIGURED -> dryRun ? Messages.ObjectGroup_ToConfigure(total) : Messages.ObjectGroup_Configured(total);
            case PRUNED -> dryRun ? Messages.ObjectGroup_ToPrune(total) : Messages.ObjectGroup_Pruned(total);
            case SKIPPED -> Messages.ObjectGroup_Skipped(total);
        };
    }

    /** How many are not kept here (see the JSON report or the detail page's table). */
    public int getMore() {
        return total - objects.size();
    }
}
