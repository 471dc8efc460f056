package io.jenkins.plugins.gitopssync.engine.source;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves a source's path inside its repository root, refusing any escape: "..", absolute
 * paths, and symlinks that lead outside the root. Throws SyncException naming the path. The part of the rule that
 * needs no files ({@link #refusal}) is also what the plugin's forms check.
 */
public final class PathGuard {

    /** Why a path as written cannot be a path inside the repository. */
    public enum Refusal {
        /** "/x", "C:x", "\\\\server\\x": not relative to the repository root. */
        ABSOLUTE,
        /** A ".." segment: it could lead out of the repository. */
        PARENT_SEGMENT
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private PathGuard() {
    }

    /** What is wrong with {@code path} as written (either separator), before any file is looked at; blank is the root. */
    public static Optional<Refusal> refusal(String path) {
        String p = path == null ? "" : path.trim().replace('\\', '/');
        if (p.startsWith("/") || DRIVE.matcher(p).matches()) {
            return Optional.of(Refusal.ABSOLUTE);
        }
        for (String segment : p.split("/")) {
            if (segment.equals("..")) {
                return Optional.of(Refusal.PARENT_SEGMENT);
            }
        }
        return Optional.empty();
    }

    public static Path resolve(ManifestSource source) {
        Path root = realRoot(source.root());
        refusal(source.path()).ifPresent(r -> {
            throw new SyncException("path '" + source.path() + "' " + (r == Refusal.ABSOLUTE
                    ? "must be relative to the repository root, not absolute"
                    : "must stay inside the repository: '..' is not allowed"));
        });
        Path resolved = root;
        for (String segment : source.path().replace('\\', '/').split("/")) {
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

    /**
     * {@code path} with every symbolic link resolved, refused when it cannot be read or leads outside
     * {@code realRoot}.
     *
     * @param what    how a message names the path
     * @param whyOnly the end of the message when it leads outside: why only the repository is read
     */
    public static Path realInside(Path realRoot, Path path, String what, String whyOnly) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new SyncException(what + " cannot be read: " + e.getMessage(), e);
        }
        if (!real.startsWith(realRoot)) {
            throw new SyncException(what + (path.startsWith(realRoot) ? " is a symbolic link that leads" : " leads")
                    + " outside the repository; " + whyOnly);
        }
        return real;
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
