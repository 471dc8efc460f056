package io.jenkins.plugins.gitopssync.engine.it;

import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository in a temp dir: write or delete files, commit, get a source at that commit. */
public final class GitRepo implements AutoCloseable {

    private final Path root;
    private final Git git;
    private String head;

    public GitRepo(Path root) throws GitAPIException {
        this.root = root;
        this.git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
    }

    public GitRepo write(String file, String content) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return this;
    }

    public GitRepo delete(String file) throws IOException {
        Files.deleteIfExists(root.resolve(file));
        return this;
    }

    /** Commits everything; returns the commit id. */
    public String commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        RevCommit c = git.commit().setMessage(message).setAuthor("test", "test@example.com")
                .setCommitter("test", "test@example.com").setAllowEmpty(true).call();
        head = c.getName();
        return head;
    }

    public ManifestSource source(String path) {
        return new ManifestSource(root, head, path);
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        git.close();
    }
}
