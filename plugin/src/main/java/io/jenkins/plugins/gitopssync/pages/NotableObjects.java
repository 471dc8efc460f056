package io.jenkins.plugins.gitopssync.pages;

import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Chooses what {@code build.xml} keeps of a sync's objects: the failed, drifted, created, configured, pruned and
 * skipped ones, at most {@link #LIMIT} of each kind with the count of the rest. Unchanged objects and every diff
 * stay in the build's JSON report. Bounded, so a 10,000-object sync keeps a record of a few dozen kilobytes.
 */
@Restricted(NoExternalUse.class)
public final class NotableObjects {

    /** Objects kept per kind. */
    public static final int LIMIT = 20;

    /** The kinds, in the order a person reads them; an object belongs to the first that fits. */
    public enum Kind {
        FAILED, DRIFTED, CREATED, CONFIGURED, PRUNED, SKIPPED;

        /** The kind of an object with this action word and drift flag, or null (unchanged, not drifted). */
        static Kind of(String action, boolean drift) {
            if ("failed".equals(action)) {
                return FAILED;
            }
            if (drift) {
                return DRIFTED;
            }
            return switch (action == null ? "" : action) {
                case "created" -> CREATED;
                case "configured" -> CONFIGURED;
                case "pruned" -> PRUNED;
                case "skipped" -> SKIPPED;
                default -> null;
            };
        }

        /** Lower-case, for page classes and the JSON of the step's result. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private NotableObjects() {
    }

    /** The groups of a sync's results, each object kept briefly (no diff). */
    public static List<ObjectGroup> of(List<ObjectResult> results) {
        return group(results, SyncedObject::brief);
    }

    /** The groups of objects already in the plugin's form (a record written before this version kept them all). */
    public static List<ObjectGroup> ofObjects(List<SyncedObject> objects) {
        return group(objects, SyncedObject::brief);
    }

    private static <T> List<ObjectGroup> group(List<T> items, Function<T, SyncedObject> brief) {
        Map<Kind, List<SyncedObject>> kept = new EnumMap<>(Kind.class);
        Map<Kind, Integer> totals = new EnumMap<>(Kind.class);
        for (T item : items) {
            SyncedObject o = brief.apply(item);
            Kind kind = Kind.of(o.getAction(), o.isDrift());
            if (kind == null) {
                continue;
            }
            totals.merge(kind, 1, Integer::sum);
            List<SyncedObject> list = kept.computeIfAbsent(kind, k -> new ArrayList<>());
            if (list.size() < LIMIT) {
                list.add(o);
            }
        }
        List<ObjectGroup> groups = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (totals.containsKey(kind)) {
                groups.add(new ObjectGroup(kind, totals.get(kind), kept.get(kind)));
            }
        }
        return groups;
    }
}
