package io.jenkins.plugins.gitopssync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository in a temp directory, made and changed with JGit. */
final class ManifestsRepo implements AutoCloseable {

    private final Path dir;
    private final Git git;

    private ManifestsRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    static ManifestsRepo create(Path dir) {
        try {
            Files.createDirectories(dir);
            return new ManifestsRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** The project's examples directory (tests run in cli/). */
    static Path examples() {
        Path p = Path.of("..", "examples").toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("examples/ not found at " + p);
        }
        return p;
    }

    /** Copies a directory tree into the repository (under {@code target}), rewriting each file's text. */
    ManifestsRepo copy(Path from, String target, UnaryOperator<String> rewrite) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path to = dir.resolve(target).resolve(from.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.writeString(to, rewrite.apply(Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ManifestsRepo write(String file, String content) {
        try {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ManifestsRepo edit(String file, UnaryOperator<String> change) {
        try {
            Path p = dir.resolve(file);
            return write(file, change.apply(Files.readString(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ManifestsRepo delete(String file) {
        try {
            Files.delete(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Stages everything (including deletions) and commits; returns the commit id. */
    String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = new PersonIdent("Test", "test@example.invalid");
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
            return c.name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    String tag(String name) {
        try {
            return git.tag().setName(name).setAnnotated(true).setMessage(name)
                    .setTagger(new PersonIdent("Test", "test@example.invalid")).setSigned(false).call().getName();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    void branch(String name) {
        try {
            git.branchCreate().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    void checkout(String name) {
        try {
            git.checkout().setName(name).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
