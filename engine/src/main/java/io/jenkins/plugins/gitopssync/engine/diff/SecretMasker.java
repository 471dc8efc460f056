package io.jenkins.plugins.gitopssync.engine.diff;

import java.util.Map;

/**
 * Masks Secret values before anything is diffed, logged or reported: every value of data and
 * stringData becomes "***"; when a key's value differs between before and after they become
 * "*** (before)" and "*** (after)". Non-Secret objects are returned as they are. Either side may be null.
 */
public final class SecretMasker {

    private SecretMasker() {
    }

    /** A masked pair; either side may be null (object absent). */
    public record Masked(Map<String, Object> before, Map<String, Object> after) {
    }

    public static Masked mask(Map<String, Object> before, Map<String, Object> after) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** Masks a single object (every value "***"). */
    public static Map<String, Object> mask(Map<String, Object> object) {
        throw new UnsupportedOperationException("not yet built");
    }
}
