package io.jenkins.plugins.gitopssync.engine.verify;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to verify before anything is rendered or read from the cluster.
 *
 * @param gitDir  the Git repository holding the revision: a {@code .git} directory or a bare repository
 * @param commit  the resolved commit id (the revision being synced)
 * @param tag     the tag the user asked for (short name {@code v1.2} or {@code refs/tags/v1.2}), or null;
 *                needed by {@link VerifyMode#TAG} and {@link VerifyMode#BOTH}
 * @param mode    which signatures must pass
 * @param trusted the keys whose signatures are accepted
 */
public record SignatureCheck(Path gitDir, String commit, String tag, VerifyMode mode, TrustedKeys trusted) {

    public SignatureCheck {
        Objects.requireNonNull(gitDir, "gitDir");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trusted, "trusted");
        if (tag != null && tag.isBlank()) {
            tag = null;
        }
    }
}
