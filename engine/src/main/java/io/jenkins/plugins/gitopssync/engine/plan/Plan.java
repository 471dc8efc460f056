package io.jenkins.plugins.gitopssync.engine.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The set's objects in apply order (wave, then stage and kind), grouped in stages, with the kinds and
 * namespaces they span; and the hooks, which are not members of the set.
 */
public record Plan(List<PlannedObject> objects, List<PlannedHook> hooks) {

    private static final Comparator<PlannedHook> HOOK_ORDER = Comparator.comparingInt(PlannedHook::stage)
            .thenComparing(PlannedHook::ref, KindOrder.order());

    public Plan {
        objects = List.copyOf(objects);
        hooks = List.copyOf(hooks);
    }

    /** Without hooks. */
    public Plan(List<PlannedObject> objects) {
        this(objects, List.of());
    }

    /** Non-empty stages in apply order. */
    public List<List<PlannedObject>> stages() {
        TreeMap<Integer, List<PlannedObject>> byStage = new TreeMap<>();
        for (PlannedObject o : objects) {
            byStage.computeIfAbsent(o.stage(), s -> new ArrayList<>()).add(o);
        }
        return new ArrayList<>(byStage.values());
    }

    /**
     * The steps of a sync in order: PreSync, Sync (the members, with the Sync hooks) and PostSync, each wave
     * by wave; only the hooks that run on this occasion (a first install or not); empty steps left out.
     */
    public List<Step> steps(boolean firstInstall) {
        return steps(firstInstall, Set.of(SyncPhase.PRE_SYNC, SyncPhase.SYNC, SyncPhase.POST_SYNC));
    }

    /** The SyncFail hooks that run on this occasion, wave by wave. */
    public List<Step> failSteps(boolean firstInstall) {
        return steps(firstInstall, Set.of(SyncPhase.SYNC_FAIL));
    }

    /** The hooks a sync on this occasion leaves out (Helm's install-only hooks on an upgrade, and the reverse). */
    public List<PlannedHook> hooksNotRunOn(boolean firstInstall) {
        return hooks.stream().filter(h -> !h.occasion().runsOn(firstInstall)).toList();
    }

    /** Whether the whole plan is one step: no hooks and every member in the same wave. */
    public boolean isOneStep() {
        return hooks.isEmpty() && objects.stream().mapToInt(PlannedObject::wave).distinct().count() <= 1;
    }

    /** Where a step comes: by phase, then by wave. */
    private record Position(SyncPhase phase, int wave) {
        static final Comparator<Position> ORDER = Comparator.comparing(Position::phase).thenComparingInt(Position::wave);
    }

    private List<Step> steps(boolean firstInstall, Set<SyncPhase> phases) {
        TreeMap<Position, List<PlannedObject>> members = new TreeMap<>(Position.ORDER);
        TreeMap<Position, List<PlannedHook>> hooksOf = new TreeMap<>(Position.ORDER);
        if (phases.contains(SyncPhase.SYNC)) {
            for (PlannedObject o : objects) {
                members.computeIfAbsent(new Position(SyncPhase.SYNC, o.wave()), k -> new ArrayList<>()).add(o);
            }
        }
        for (PlannedHook h : hooks) {
            if (phases.contains(h.phase()) && h.occasion().runsOn(firstInstall)) {
                hooksOf.computeIfAbsent(new Position(h.phase(), h.wave()), k -> new ArrayList<>()).add(h);
            }
        }
        TreeSet<Position> positions = new TreeSet<>(Position.ORDER);
        positions.addAll(members.keySet());
        positions.addAll(hooksOf.keySet());
        List<Step> steps = new ArrayList<>();
        for (Position p : positions) {
            List<PlannedHook> stepHooks = new ArrayList<>(hooksOf.getOrDefault(p, List.of()));
            stepHooks.sort(HOOK_ORDER);
            steps.add(new Step(p.phase(), p.wave(), members.getOrDefault(p, List.of()), stepHooks));
        }
        return steps;
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
