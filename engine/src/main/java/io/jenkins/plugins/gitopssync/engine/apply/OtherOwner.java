package io.jenkins.plugins.gitopssync.engine.apply;

import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ObjectMaps;
import io.jenkins.plugins.gitopssync.engine.identity.ApplySetId;
import io.jenkins.plugins.gitopssync.engine.inventory.ObjectRecord;
import io.jenkins.plugins.gitopssync.engine.plan.PlannedObject;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An object another ApplySet owns is never taken over: two inventories would each prune it when it leaves
 * their Git. The user moves it (drops it from one set, or removes its part-of label) first.
 */
public final class OtherOwner {

    private OtherOwner() {
    }

    /** The part-of label of a live object, or null. */
    public static String of(Map<String, Object> live) {
        return live == null ? null : ObjectMaps.stringMap(live, "labels").get(ApplySetId.PART_OF_LABEL);
    }

    public static String refusal(PlannedObject p, String otherId) {
        return p.describe() + ": belongs to another ApplySet (" + ApplySetId.PART_OF_LABEL + "=" + otherId
                + "); not taking it over: remove it from that set, or its " + ApplySetId.PART_OF_LABEL
                + " label, first";
    }

    /**
     * Runs {@code action}, unless the read found the object in another ApplySet ({@code otherId} not null):
     * then it is refused without a request.
     */
    public static ObjectOutcome unlessOwnedElsewhere(PlannedObject p, String otherId, ObjectRecord record, SyncLog log,
                                                     Supplier<ObjectOutcome> action) {
        if (otherId == null) {
            return action.get();
        }
        String msg = refusal(p, otherId);
        log.warn("failed " + msg);
        return ObjectOutcome.failed(p.ref(), p.source(), msg, record);
    }
}
