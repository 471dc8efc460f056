package io.jenkins.plugins.gitopssync.engine.source;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a source's path inside its repository root, refusing any escape: "..", absolute
 * paths, and symlinks that lead outside the root. Throws SyncException naming the path.
 */
public final class PathGuard {

    private PathGuard() {
    }

    public static Path resolve(ManifestSource source) {
        Path root = realRoot(source.root());
        String path = source.path().replace('\\', '/');
        if (path.startsWith("/") || Path.of(source.path()).isAbsolute() || path.matches("^[A-Za-z]:.*")) {
            throw new SyncException("path '" + source.path() + "' must be relative to the repository root, not absolute");
        }
        Path resolved = root;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new SyncException("path '" + source.path() + "' must stay inside the repository: '..' is not allowed");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                resolved = resolved.resolve(segment);
            }
        }
        if (!Files.exists(resolved)) {
            throw new SyncException("path '" + source.path() + "' does not exist in the repository"
                    + (source.revision() == null ? "" : " at revision " + source.revision()));
        }
        Path real;
        try {
            real = resolved.toRealPath();
        } catch (IOException e) {
            throw new SyncException("path '" + source.path() + "' cannot be read: " + e.getMessage(), e);
        }
        if (!real.startsWith(root)) {
            throw new SyncException("path '" + source.path() + "' leads outside the repository through a symbolic link");
        }
        return real;
    }

    /** The repository root with every symlink resolved: the reference every inside-check compares with. */
    public static Path realRoot(Path root) {
        if (root == null) {
            throw new SyncException("no repository root given");
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new SyncException("repository root '" + root + "' does not exist or cannot be read", e);
        }
    }

    /** True when {@code candidate} (any path) resolves, through symlinks, to a place inside {@code realRoot}. */
    public static boolean isInside(Path realRoot, Path candidate) {
        try {
            return candidate.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
