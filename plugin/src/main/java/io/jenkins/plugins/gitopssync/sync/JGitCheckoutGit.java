package io.jenkins.plugins.gitopssync.sync;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.util.FileUtils;

/**
 * A checkout's Git operations with JGit alone, in the engine's child JVM on the agent: no git-client, whose classes
 * a fresh agent's JVM would load one by one over the channel and run interpreted (most of a new pod's checkout
 * time). For URLs and credentials JGit alone handles as git-client would ({@link ChildCheckoutChoice}).
 */
final class JGitCheckoutGit implements CheckoutGit, AutoCloseable {

    private final File dir;
    private final String url;
    private final CredentialsProvider credentials;
    private Git git;

    /** @param credentials for http(s), or null */
    JGitCheckoutGit(Path dir, String url, CredentialsProvider credentials) throws IOException, GitFailure {
        this.dir = dir.toFile();
        this.url = url;
        this.credentials = credentials;
        Files.createDirectories(dir);
        this.git = open();
    }

    private Git open() throws IOException, GitFailure {
        Git opened;
        if (new File(dir, ".git").isDirectory()) {
            opened = Git.open(dir);
        } else {
            try {
                opened = Git.init().setDirectory(dir).call();
            } catch (GitAPIException | JGitInternalException e) {
                throw failure(e);
            }
        }
        StoredConfig config = opened.getRepository().getConfig();
        config.setString("remote", "origin", "url", url);
        config.save();
        return opened;
    }

    private Repository repository() {
        return git.getRepository();
    }

    @Override
    public boolean hasCommit(String id) throws IOException {
        ObjectId commit = ObjectId.fromString(id);
        if (!repository().getObjectDatabase().has(commit)) {
            return false;
        }
        try (RevWalk walk = new RevWalk(repository())) {
            walk.parseCommit(commit);
            return true;
        } catch (IOException e) {
            return false; // there, but not a commit
        }
    }

    @Override
    public boolean isShallow() {
        return new File(new File(dir, ".git"), "shallow").exists();
    }

    @Override
    public void reset() throws IOException, GitFailure {
        git.close();
        try (Stream<Path> children = Files.list(dir.toPath())) {
            for (Path child : children.toList()) {
                FileUtils.delete(child.toFile(), FileUtils.RECURSIVE);
            }
        }
        git = open();
    }

    @Override
    public void fetch(List<String> refSpecs, boolean tags, int depth) throws GitFailure {
        try {
            FetchCommand fetch = git.fetch().setRemote("origin").setCredentialsProvider(credentials)
                    .setRefSpecs(refSpecs.stream().map(RefSpec::new).toList())
                    .setTagOpt(tags ? TagOpt.FETCH_TAGS : TagOpt.NO_TAGS);
            if (depth > 0) {
                fetch.setDepth(depth);
            }
            fetch.call();
        } catch (GitAPIException | JGitInternalException e) {
            throw failure(e);
        }
    }

    @Override
    public Set<String> remoteRefNames() throws GitFailure {
        try {
            Collection<Ref> refs = Git.lsRemoteRepository().setRemote(url).setCredentialsProvider(credentials).call();
            Set<String> names = new TreeSet<>();
            refs.forEach(r -> names.add(r.getName()));
            return names;
        } catch (GitAPIException | JGitInternalException e) {
            throw failure(e);
        }
    }

    @Override
    public String commitOf(String revision) {
        try {
            ObjectId id = repository().resolve(revision);
            return id == null ? null : id.name();
        } catch (RevisionSyntaxException | IOException e) {
            return null; // names no commit (an abbreviated id of a tree, an ambiguous one...)
        }
    }

    @Override
    public void checkout(String commitId) throws GitFailure {
        try {
            // git checkout -f: changed files are taken back first (a new repository has no HEAD to go back to),
            // then HEAD detaches at the commit
            if (repository().resolve(Constants.HEAD) != null) {
                git.reset().setMode(ResetCommand.ResetType.HARD).call();
            }
            git.checkout().setName(commitId).setForced(true).call();
        } catch (GitAPIException | JGitInternalException | IOException e) {
            throw failure(e);
        }
    }

    /** Always after {@link #checkout}, which has taken changed files back already: only untracked ones are left. */
    @Override
    public void clean() throws GitFailure {
        try {
            git.clean().setCleanDirectories(true).setIgnore(false).call();
        } catch (GitAPIException | JGitInternalException e) {
            throw failure(e);
        }
    }

    /** The messages of the exception and its causes, each once (JGit's outer message often names only the step). */
    private static GitFailure failure(Exception e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        return new GitFailure(parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts), e);
    }

    @Override
    public void close() {
        git.close();
    }
}
