package io.jenkins.plugins.gitopssync.sync;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.jenkinsci.plugins.gitclient.FetchCommand;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;

/**
 * A checkout's Git operations through git-client, whose work runs on the node that owns the folder (the agent), with
 * its handling of every kind of credential (ssh keys with the controller's host key verification among them). JGit
 * is used, so agents need no git executable.
 */
final class GitClientCheckoutGit implements CheckoutGit {

    static final String GIT_IMPL = "jgit";

    private final FilePath dir;
    private final String url;
    private final URIish remote;
    private final StandardCredentials credentials;
    private final EnvVars env;
    private final TaskListener listener;
    private GitClient git;

    GitClientCheckoutGit(FilePath dir, String url, StandardCredentials credentials, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException, URISyntaxException, GitFailure {
        this.dir = dir;
        this.url = url;
        this.remote = new URIish(url);
        this.credentials = credentials;
        this.env = env;
        this.listener = listener;
        this.git = open();
    }

    private GitClient open() throws IOException, InterruptedException, GitFailure {
        try {
            GitClient client = Git.with(listener, env).in(dir).using(GIT_IMPL).getClient();
            if (credentials != null) {
                client.addDefaultCredentials(credentials);
            }
            if (!client.hasGitRepo(false)) {
                client.init_().workspace(dir.getRemote()).execute();
            }
            client.setRemoteUrl("origin", url);
            return client;
        } catch (GitException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean hasCommit(String id) throws InterruptedException, GitFailure {
        try {
            return git.isCommitInRepo(ObjectId.fromString(id));
        } catch (GitException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean isShallow() throws IOException, InterruptedException {
        return dir.child(".git").child("shallow").exists();
    }

    @Override
    public void reset() throws IOException, InterruptedException, GitFailure {
        dir.deleteContents();
        git = open();
    }

    @Override
    public void fetch(List<String> refSpecs, boolean tags, int depth) throws InterruptedException, GitFailure {
        try {
            FetchCommand fetch = git.fetch_().from(remote, refSpecs.stream().map(RefSpec::new).toList()).tags(tags);
            if (depth > 0) {
                fetch = fetch.shallow(true).depth(depth);
            }
            fetch.execute();
        } catch (GitException e) {
            throw failure(e);
        }
    }

    @Override
    public Set<String> remoteRefNames() throws InterruptedException, GitFailure {
        try {
            return git.getRemoteReferences(url, null, false, false).keySet();
        } catch (GitException e) {
            throw failure(e);
        }
    }

    @Override
    public String commitOf(String revision) throws InterruptedException {
        try {
            return git.revParse(revision).name();
        } catch (GitException e) {
            return null;
        }
    }

    @Override
    public void checkout(String commitId) throws InterruptedException, GitFailure {
        try {
            git.checkout().ref(commitId).execute();
        } catch (GitException e) {
            throw failure(e);
        }
    }

    @Override
    public void clean() throws InterruptedException, GitFailure {
        try {
            git.clean();
        } catch (GitException e) {
            throw failure(e);
        }
    }

    private static GitFailure failure(GitException e) {
        return new GitFailure(e.getMessage(), e);
    }
}
