package io.jenkins.plugins.gitopssync.engine.verify;

import java.util.Locale;

/** Which signature a revision needs: its commit's, its annotated tag's, or both. */
public enum VerifyMode {
    COMMIT, TAG, BOTH;

    /** The CLI's and the plugin's word for it: {@code commit}, {@code tag} or {@code both}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean commit() {
        return this != TAG;
    }

    public boolean tag() {
        return this != COMMIT;
    }

    public static VerifyMode parse(String word) {
        for (VerifyMode m : values()) {
            if (m.word().equalsIgnoreCase(word == null ? "" : word.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown signature mode '" + word + "': use commit, tag or both");
    }
}
