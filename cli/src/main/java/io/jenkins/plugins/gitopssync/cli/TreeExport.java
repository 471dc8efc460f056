package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit in {@code <cache>/trees/<commit id>}: written once, never changed, so any
 * number of runs can read the same commit at once while another run fetches and exports a newer one.
 * Symlinks stay symlinks (the engine refuses those that leave the repository); submodules are
 * skipped. Trees unused for a day are removed.
 */
final class TreeExport {

    static final Duration KEEP_UNUSED = Duration.ofDays(1);

    private TreeExport() {
    }

    static Path export(Repository repository, RevCommit commit, Path treesDir) throws IOException {
        Files.createDirectories(treesDir);
        Path target = treesDir.resolve(commit.name());
        if (!Files.isDirectory(target)) {
            Path tmp = Files.createTempDirectory(treesDir, commit.name() + ".tmp");
            try {
                write(repository, commit, tmp);
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another run exported the same commit first: its copy is identical
                deleteTree(tmp);
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
        }
        Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
        removeUnused(treesDir, target);
        return target;
    }

    private static void write(Repository repository, RevCommit commit, Path root) throws IOException {
        // createDirectories throws (and catches) an exception for every directory that exists: once per
        // file in a directory of many; each directory is made once instead
        Set<Path> made = new HashSet<>();
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                Path file = root.resolve(walk.getPathString());
                if (!file.normalize().startsWith(root)) {
                    throw new SyncException("commit " + commit.name() + " holds a path outside its tree: "
                            + walk.getPathString());
                }
                if (mode == FileMode.GITLINK) {
                    continue; // a submodule: not part of this repository's content
                }
                if (made.add(file.getParent())) {
                    Files.createDirectories(file.getParent());
                }
                if (mode == FileMode.SYMLINK) {
                    String linkTarget = new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                    Files.createSymbolicLink(file, Path.of(linkTarget));
                } else {
                    try (OutputStream out = Files.newOutputStream(file)) {
                        reader.open(walk.getObjectId(0)).copyTo(out);
                    }
                    if (mode == FileMode.EXECUTABLE_FILE) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    /** Best effort: trees last used more than a day ago (never the one just used). */
    private static void removeUnused(Path treesDir, Path keep) {
        Instant limit = Instant.now().minus(KEEP_UNUSED);
        try (Stream<Path> trees = Files.list(treesDir)) {
            trees.filter(p -> !p.equals(keep)).filter(p -> {
                try {
                    return Files.getLastModifiedTime(p).toInstant().isBefore(limit);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(TreeExport::deleteTree);
        } catch (IOException ignored) {
            // cleanup can wait for the next run
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover folder is harmless
        }
    }
}
