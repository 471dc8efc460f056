package io.jenkins.plugins.gitopssync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real Git repository in a temporary folder, made with JGit, for the plugin's tests to fetch from. */
public final class TestRepo implements AutoCloseable {

    private final Path dir;
    private final Git git;

    private TestRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static TestRepo create(Path dir) throws GitAPIException {
        return new TestRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    /** A file URL Git can fetch from. */
    public String url() {
        return dir.toUri().toString();
    }

    public TestRepo write(String relativePath, String content) throws IOException {
        Path file = dir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    /** Commits everything and returns the commit id. */
    public String commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("GitOps Test", "gitops-test@example.com");
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().getName();
    }

    public void tag(String name) throws GitAPIException {
        git.tag().setName(name).setAnnotated(true).setMessage(name).call();
    }

    @Override
    public void close() {
        git.close();
    }

    /** A ConfigMap: the smallest object worth syncing. */
    public static String configMap(String ns, String name, String greeting) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\ndata:\n  greeting: "
                + greeting + "\n";
    }
}
