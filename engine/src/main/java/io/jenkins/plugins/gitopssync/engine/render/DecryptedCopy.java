package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.decrypt.SopsFormat;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Before Kustomize runs: the sops-encrypted files a Kustomization names (resources, patches, the
 * {@code files} and {@code envs} of generators) decrypted into a private temporary copy of the part of the
 * repository it reads, never in the checkout. The copy is deleted on {@link #close()}. Formats come from
 * the file names, as in Flux; an env file that is not {@code .yaml}/{@code .json} is read as dotenv.
 */
final class DecryptedCopy implements AutoCloseable {

    private final Path tempRoot;
    private final Path sourceBase;
    private final Path copyBase;

    private DecryptedCopy(Path tempRoot, Path sourceBase, Path copyBase) {
        this.tempRoot = tempRoot;
        this.sourceBase = sourceBase;
        this.copyBase = copyBase;
    }

    /** Null when none of the named files is encrypted (Kustomize then reads the checkout itself). */
    static DecryptedCopy prepare(Path realRoot, KustomizationGuard.Reached reached, SopsFiles sops) {
        Map<Path, byte[]> plain = new HashMap<>();
        for (Path file : reached.files()) {
            String rel = realRoot.relativize(file).toString().replace('\\', '/');
            try {
                byte[] content = Files.readAllBytes(file);
                byte[] decrypted = sops.decrypt(rel, content, format(file));
                if (decrypted != null) {
                    plain.put(file, decrypted);
                }
            } catch (IOException e) {
                throw new SyncException(rel + ": cannot be read: " + e.getMessage(), e);
            }
        }
        if (plain.isEmpty()) {
            return null;
        }
        Path base = commonBase(realRoot, reached);
        try {
            Path tempRoot = Files.createTempDirectory("gitops-sops");
            Path copyBase = tempRoot.resolve(realRoot.relativize(base).toString());
            copyTree(base, copyBase);
            for (Map.Entry<Path, byte[]> e : plain.entrySet()) {
                Path target = copyBase.resolve(base.relativize(e.getKey()).toString());
                Files.deleteIfExists(target);
                Files.write(target, e.getValue());
            }
            return new DecryptedCopy(tempRoot, base, copyBase);
        } catch (IOException e) {
            throw new SyncException("cannot make the temporary copy for decrypted files: " + e.getMessage(), e);
        }
    }

    /** Flux reads an env file of no known extension as dotenv; other files by their extension. */
    private static SopsFormat format(Path file) {
        SopsFormat f = SopsFormat.forPath(file.getFileName().toString());
        return f == SopsFormat.BINARY && SopsFormat.DOTENV.marks(readQuietly(file)) ? SopsFormat.DOTENV : f;
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The deepest directory holding every directory and file the Kustomization reaches. */
    private static Path commonBase(Path realRoot, KustomizationGuard.Reached reached) {
        Path base = null;
        for (Path p : Stream.concat(reached.directories().stream(), reached.files().stream().map(Path::getParent)).toList()) {
            base = base == null ? p : common(base, p);
        }
        return base == null || !base.startsWith(realRoot) ? realRoot : base;
    }

    private static Path common(Path a, Path b) {
        Path p = a;
        while (!b.startsWith(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Where {@code dir} of the checkout is in the copy. */
    Path inCopy(Path dir) {
        return copyBase.resolve(sourceBase.relativize(dir).toString());
    }

    /** The copy's paths in {@code message} shown as the checkout's. */
    String unmap(String message) {
        return message == null ? null : message.replace(copyBase.toString(), sourceBase.toString());
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(tempRoot)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the temp directory is private (0700); the OS cleans it eventually
        }
    }
}
