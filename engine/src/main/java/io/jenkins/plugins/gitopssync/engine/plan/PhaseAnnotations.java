package io.jenkins.plugins.gitopssync.engine.plan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the annotations Argo CD and Helm users already write into a {@link PhaseSpec}. Argo CD's hook
 * annotation wins when an object carries both vocabularies (as in Argo CD). Helm's hooks map to phases by
 * their occasion: pre-install and pre-upgrade to PreSync, post-install and post-upgrade to PostSync;
 * {@code helm.sh/hook-weight} is the wave when no sync-wave is given. Hooks that a sync never reaches
 * (deletion, rollback, tests, Argo CD's Skip) leave the object out. A bad value is an error naming the
 * annotation and the value; the caller adds file, line and object.
 */
public final class PhaseAnnotations {

    public static final String ARGO_HOOK = "argocd.argoproj.io/hook";
    public static final String ARGO_WAVE = "argocd.argoproj.io/sync-wave";
    public static final String ARGO_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
    public static final String HELM_HOOK = "helm.sh/hook";
    public static final String HELM_WEIGHT = "helm.sh/hook-weight";
    public static final String HELM_DELETE_POLICY = "helm.sh/hook-delete-policy";
    public static final String HELM_RESOURCE_POLICY = "helm.sh/resource-policy";

    private static final Set<String> ARGO_NOT_RUN = Set.of("PreDelete", "PostDelete");
    private static final Set<String> HELM_NOT_RUN = Set.of("pre-delete", "post-delete", "pre-rollback",
            "post-rollback", "test", "test-success", "test-failure", "crd-install");

    private PhaseAnnotations() {
    }

    /** @throws IllegalArgumentException naming the annotation and the value it does not understand */
    public static PhaseSpec read(Map<String, String> annotations) {
        String argo = annotations.get(ARGO_HOOK);
        if (argo != null) {
            return argoHook(argo, annotations);
        }
        String helm = annotations.get(HELM_HOOK);
        if (helm != null) {
            return helmHook(helm, annotations);
        }
        return PhaseSpec.member(wave(annotations, ARGO_WAVE, 0));
    }

    /** The wave of a live object (to prune in reverse wave order): 0 when it names none or none that reads. */
    public static int waveOf(Map<String, String> annotations) {
        try {
            String helmWeight = annotations.containsKey(HELM_HOOK) ? annotations.get(HELM_WEIGHT) : null;
            return wave(annotations, ARGO_WAVE, helmWeight == null ? 0 : parseWave(HELM_WEIGHT, helmWeight));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** Helm's {@code helm.sh/resource-policy: keep}: the object is never deleted by a prune. */
    public static boolean keptByHelm(Map<String, String> annotations) {
        String policy = annotations.get(HELM_RESOURCE_POLICY);
        return policy != null && "keep".equals(policy.trim().toLowerCase(Locale.ROOT));
    }

    private static PhaseSpec argoHook(String value, Map<String, String> annotations) {
        List<PhaseSpec.Trigger> triggers = new ArrayList<>();
        Set<String> notRun = new TreeSet<>();
        for (String word : words(value)) {
            switch (word) {
                case "PreSync" -> triggers.add(new PhaseSpec.Trigger(SyncPhase.PRE_SYNC, HookOccasion.ALWAYS));
                case "Sync" -> triggers.add(new PhaseSpec.Trigger(SyncPhase.SYNC, HookOccasion.ALWAYS));
                case "PostSync" -> triggers.add(new PhaseSpec.Trigger(SyncPhase.POST_SYNC, HookOccasion.ALWAYS));
                case "SyncFail" -> triggers.add(new PhaseSpec.Trigger(SyncPhase.SYNC_FAIL, HookOccasion.ALWAYS));
                case "Skip" -> {
                    return PhaseSpec.leftOut(ARGO_HOOK + ": Skip");
                }
                default -> {
                    if (!ARGO_NOT_RUN.contains(word)) {
                        throw new IllegalArgumentException(ARGO_HOOK + ": unknown hook '" + word + "' (known: PreSync,"
                                + " Sync, PostSync, SyncFail, Skip, PreDelete, PostDelete)");
                    }
                    notRun.add(word);
                }
            }
        }
        if (triggers.isEmpty()) {
            return PhaseSpec.leftOut(ARGO_HOOK + ": " + String.join(",", notRun) + " runs when an application is"
                    + " deleted, which a sync never does");
        }
        return PhaseSpec.hook(wave(annotations, ARGO_WAVE, 0), triggers, deletePolicies(annotations));
    }

    private static PhaseSpec helmHook(String value, Map<String, String> annotations) {
        Map<SyncPhase, HookOccasion> phases = new EnumMap<>(SyncPhase.class);
        Set<String> notRun = new TreeSet<>();
        for (String word : words(value)) {
            switch (word) {
                case "pre-install" -> phases.merge(SyncPhase.PRE_SYNC, HookOccasion.FIRST_INSTALL, HookOccasion::and);
                case "pre-upgrade" -> phases.merge(SyncPhase.PRE_SYNC, HookOccasion.UPGRADE, HookOccasion::and);
                case "post-install" -> phases.merge(SyncPhase.POST_SYNC, HookOccasion.FIRST_INSTALL, HookOccasion::and);
                case "post-upgrade" -> phases.merge(SyncPhase.POST_SYNC, HookOccasion.UPGRADE, HookOccasion::and);
                default -> {
                    if (!HELM_NOT_RUN.contains(word)) {
                        throw new IllegalArgumentException(HELM_HOOK + ": unknown hook '" + word + "' (known:"
                                + " pre-install, pre-upgrade, post-install, post-upgrade, and the deletion, rollback"
                                + " and test hooks, which a sync does not run)");
                    }
                    notRun.add(word);
                }
            }
        }
        if (phases.isEmpty()) {
            return PhaseSpec.leftOut(HELM_HOOK + ": " + String.join(",", notRun) + " is run by helm uninstall, rollback"
                    + " or test, never by a sync");
        }
        List<PhaseSpec.Trigger> triggers = new ArrayList<>();
        phases.forEach((phase, occasion) -> triggers.add(new PhaseSpec.Trigger(phase, occasion)));
        String weight = annotations.get(HELM_WEIGHT);
        int wave = wave(annotations, ARGO_WAVE, weight == null ? 0 : parseWave(HELM_WEIGHT, weight));
        return PhaseSpec.hook(wave, triggers, deletePolicies(annotations));
    }

    /** Both vocabularies' policies; Helm's default, before-hook-creation, when neither names one. */
    private static Set<DeletePolicy> deletePolicies(Map<String, String> annotations) {
        Set<DeletePolicy> policies = EnumSet.noneOf(DeletePolicy.class);
        for (String word : words(annotations.get(ARGO_DELETE_POLICY))) {
            policies.add(policy(ARGO_DELETE_POLICY, word, DeletePolicy.ofArgo(word), "HookSucceeded, HookFailed,"
                    + " BeforeHookCreation"));
        }
        for (String word : words(annotations.get(HELM_DELETE_POLICY))) {
            policies.add(policy(HELM_DELETE_POLICY, word, DeletePolicy.ofHelm(word), "hook-succeeded, hook-failed,"
                    + " before-hook-creation"));
        }
        return policies.isEmpty() ? EnumSet.of(DeletePolicy.BEFORE_HOOK_CREATION) : policies;
    }

    private static DeletePolicy policy(String annotation, String word, DeletePolicy found, String known) {
        if (found == null) {
            throw new IllegalArgumentException(annotation + ": unknown delete policy '" + word + "' (known: " + known
                    + ")");
        }
        return found;
    }

    private static int wave(Map<String, String> annotations, String annotation, int otherwise) {
        String value = annotations.get(annotation);
        return value == null ? otherwise : parseWave(annotation, value);
    }

    private static int parseWave(String annotation, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(annotation + ": '" + value + "' is not a whole number");
        }
    }

    private static List<String> words(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String w : csv.split(",")) {
                if (!w.isBlank()) {
                    out.add(w.trim());
                }
            }
        }
        return out;
    }
}
