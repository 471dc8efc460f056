package io.jenkins.plugins.gitopssync.engine.diff;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Masks Secret values before anything is diffed, logged or reported: every value of data and
 * stringData becomes "***"; when a key's value differs between before and after they become
 * "*** (before)" and "*** (after)". Non-Secret objects are returned as they are. Either side may be null.
 * The kubectl last-applied-configuration annotation of a Secret holds its values too, so it is
 * masked the same way. The result is a deep copy with sorted keys; the inputs are untouched.
 */
public final class SecretMasker {

    public static final String MASK = "***";
    public static final String MASK_BEFORE = "*** (before)";
    public static final String MASK_AFTER = "*** (after)";
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private SecretMasker() {
    }

    /** A masked pair; either side may be null (object absent). */
    public record Masked(Map<String, Object> before, Map<String, Object> after) {
    }

    public static Masked mask(Map<String, Object> before, Map<String, Object> after) {
        if (!isSecret(before) && !isSecret(after)) {
            return new Masked(before, after);
        }
        Map<String, Object> b = before == null ? null : Normalizer.sortedCopy(before);
        Map<String, Object> a = after == null ? null : Normalizer.sortedCopy(after);
        for (String field : new String[] {"data", "stringData"}) {
            maskField(b, a, field);
        }
        maskLastApplied(b, a);
        return new Masked(b, a);
    }

    /** Masks a single object (every value "***"). */
    public static Map<String, Object> mask(Map<String, Object> object) {
        return mask(object, null).before();
    }

    /** True for a core Secret (and, to be safe, anything named kind Secret). */
    public static boolean isSecret(Map<String, Object> object) {
        return object != null && "Secret".equals(object.get("kind"));
    }

    private static void maskField(Map<String, Object> before, Map<String, Object> after, String field) {
        Object bv = before == null ? null : before.get(field);
        Object av = after == null ? null : after.get(field);
        if (bv instanceof Map<?, ?> bm && av instanceof Map<?, ?> am) {
            Map<String, Object> maskedBefore = new TreeMap<>();
            Map<String, Object> maskedAfter = new TreeMap<>();
            bm.forEach((k, v) -> {
                boolean differs = am.containsKey(k) && !Objects.equals(v, am.get(k));
                maskedBefore.put(String.valueOf(k), differs ? MASK_BEFORE : MASK);
            });
            am.forEach((k, v) -> {
                boolean differs = bm.containsKey(k) && !Objects.equals(v, bm.get(k));
                maskedAfter.put(String.valueOf(k), differs ? MASK_AFTER : MASK);
            });
            before.put(field, maskedBefore);
            after.put(field, maskedAfter);
            return;
        }
        if (before != null && bv != null) {
            before.put(field, maskAll(bv));
        }
        if (after != null && av != null) {
            after.put(field, maskAll(av));
        }
    }

    /** Every value of a map becomes the mask; anything that is not a map is masked whole. */
    private static Object maskAll(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> masked = new TreeMap<>();
            map.keySet().forEach(k -> masked.put(String.valueOf(k), MASK));
            return masked;
        }
        return MASK;
    }

    private static void maskLastApplied(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> ba = annotations(before);
        Map<String, Object> aa = annotations(after);
        boolean inBefore = ba != null && ba.containsKey(LAST_APPLIED);
        boolean inAfter = aa != null && aa.containsKey(LAST_APPLIED);
        boolean differs = inBefore && inAfter && !Objects.equals(ba.get(LAST_APPLIED), aa.get(LAST_APPLIED));
        if (inBefore) {
            ba.put(LAST_APPLIED, differs ? MASK_BEFORE : MASK);
        }
        if (inAfter) {
            aa.put(LAST_APPLIED, differs ? MASK_AFTER : MASK);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> object) {
        if (object != null && object.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("annotations") instanceof Map<?, ?> annotations) {
            return (Map<String, Object>) annotations;
        }
        return null;
    }
}
