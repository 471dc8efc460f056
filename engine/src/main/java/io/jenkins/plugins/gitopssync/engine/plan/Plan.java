package io.jenkins.plugins.gitopssync.engine.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The ordered objects to apply, grouped in stages, with the kinds and namespaces they span. */
public record Plan(List<PlannedObject> objects) {

    public Plan {
        objects = List.copyOf(objects);
    }

    /** Non-empty stages in apply order. */
    public List<List<PlannedObject>> stages() {
        TreeMap<Integer, List<PlannedObject>> byStage = new TreeMap<>();
        for (PlannedObject o : objects) {
            byStage.computeIfAbsent(o.stage(), s -> new ArrayList<>()).add(o);
        }
        return new ArrayList<>(byStage.values());
    }

    public Map<String, PlannedObject> byKey() {
        Map<String, PlannedObject> m = new LinkedHashMap<>();
        for (PlannedObject o : objects) {
            m.put(o.ref().key(), o);
        }
        return m;
    }

    /** "Kind.group" of every object, sorted, as the ApplySet annotation lists them. */
    public SortedSet<String> groupKinds() {
        SortedSet<String> s = new TreeSet<>();
        objects.forEach(o -> s.add(o.ref().groupKind()));
        return s;
    }

    /** Namespaces of namespaced objects. */
    public SortedSet<String> namespaces() {
        SortedSet<String> s = new TreeSet<>();
        objects.forEach(o -> {
            if (!o.ref().namespace().isEmpty()) {
                s.add(o.ref().namespace());
            }
        });
        return s;
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }
}
