package io.jenkins.plugins.gitopssync.engine.source;

import java.nio.file.Path;

/**
 * Resolves a source's path inside its repository root, refusing any escape: "..", absolute
 * paths, and symlinks that lead outside the root. Throws SyncException naming the path.
 */
public final class PathGuard {

    private PathGuard() {
    }

    public static Path resolve(ManifestSource source) {
        throw new UnsupportedOperationException("not yet built");
    }
}
