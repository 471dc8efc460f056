package io.jenkins.plugins.gitopssync.engine.diff;

import java.util.Map;

/** sha256 (hex) of an object's canonical JSON (keys sorted at every level). */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(Map<String, Object> object) {
        throw new UnsupportedOperationException("not yet built");
    }
}
