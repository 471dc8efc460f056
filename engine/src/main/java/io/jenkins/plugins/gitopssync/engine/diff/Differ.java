package io.jenkins.plugins.gitopssync.engine.diff;

import io.jenkins.plugins.gitopssync.engine.report.Action;
import java.util.Map;

/**
 * Compares an object before and after an apply (or a dry-run apply), both normalized, and renders the
 * masked unified diff. Secret values are masked before the diff is built, so they never reach it.
 */
public final class Differ {

    private Differ() {
    }

    /** What changed: the action and the masked diff ("" when unchanged). */
    public record Change(Action action, String diff) {
    }

    /**
     * @param name   object name for the diff headers
     * @param before live object before (null when absent)
     * @param after  object after the apply or dry run (null when pruned)
     */
    public static Change compare(String name, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> b = before == null ? null : Normalizer.normalize(before);
        Map<String, Object> a = after == null ? null : Normalizer.normalize(after);
        Action action;
        if (b == null && a != null) {
            action = Action.CREATED;
        } else if (a == null) {
            action = Action.PRUNED;
        } else {
            action = ContentHash.of(b).equals(ContentHash.of(a)) ? Action.UNCHANGED : Action.CONFIGURED;
        }
        if (action == Action.UNCHANGED) {
            return new Change(action, "");
        }
        SecretMasker.Masked masked = SecretMasker.mask(b, a);
        return new Change(action, UnifiedDiff.diff(name, masked.before(), masked.after()));
    }
}
