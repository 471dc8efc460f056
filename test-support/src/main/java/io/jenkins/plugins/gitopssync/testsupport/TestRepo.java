package io.jenkins.plugins.gitopssync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.GitCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A real Git repository in a temporary directory, made and changed with JGit: write, edit or delete files,
 * commit everything, tag, branch. Unsigned whatever the user's Git configuration says.
 */
public final class TestRepo implements AutoCloseable {

    private final Path dir;
    private final Git git;
    private String head;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A new repository with the branch "main" checked out. */
    public static TestRepo create(Path dir) {
        try {
            Files.createDirectories(dir);
            return new TestRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** A file URL Git can fetch from. */
    public String url() {
        return dir.toUri().toString();
    }

    /** The last commit made here, null before the first. */
    public String head() {
        return head;
    }

    public TestRepo write(String file, String content) {
        try {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestRepo edit(String file, UnaryOperator<String> change) {
        try {
            return write(file, change.apply(Files.readString(dir.resolve(file), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo delete(String file) {
        try {
            Files.deleteIfExists(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Copies a directory tree into the repository (under {@code target}), rewriting each file's text. */
    public TestRepo copy(Path from, String target, UnaryOperator<String> rewrite) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                write(target + "/" + from.relativize(f), rewrite.apply(Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Stages everything, deletions included, and commits (also when nothing changed); returns the commit id. */
    public String commit(String message) {
        run(git.add().addFilepattern("."));
        run(git.add().addFilepattern(".").setUpdate(true));
        head = run(git.commit().setMessage(message).setAuthor(who()).setCommitter(who()).setAllowEmpty(true).setSign(false)).name();
        return head;
    }

    /** An annotated tag on HEAD; returns its ref name. */
    public String tag(String name) {
        return run(git.tag().setName(name).setAnnotated(true).setMessage(name).setTagger(who()).setSigned(false)).getName();
    }

    public TestRepo branch(String name) {
        run(git.branchCreate().setName(name));
        return this;
    }

    public TestRepo checkout(String name) {
        run(git.checkout().setName(name));
        return this;
    }

    /** Runs a JGit command; its checked failure becomes an unchecked one (a test has nothing to recover). */
    private static <T> T run(GitCommand<T> command) {
        try {
            return command.call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }

    private static PersonIdent who() {
        return new PersonIdent("GitOps Test", "gitops-test@example.invalid");
    }
}
