package io.jenkins.plugins.gitopssync;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;

/**
 * Checks a manifests repository out at a branch, tag or commit into a folder of the workspace, with
 * git-client: the Git work runs on the node that owns the folder (the agent). Branches and tags are
 * fetched shallow (depth 1); a commit id needs the history that contains it, so it is fetched in full.
 * JGit is used so agents need no git executable.
 */
public final class GitCheckout {

    /** The ref the fetched commit is stored under, in the per-sync repository. */
    static final String TARGET = "refs/remotes/origin/gitops-sync-target";
    static final String GIT_IMPL = "jgit";

    private GitCheckout() {
    }

    /** @return the commit id checked out */
    public static String checkout(FilePath dir, String url, String ref, StandardCredentials credentials, EnvVars env,
                                  TaskListener listener) throws IOException, InterruptedException {
        dir.mkdirs();
        try {
            GitClient git = Git.with(listener, env).in(dir).using(GIT_IMPL).getClient();
            if (credentials != null) {
                git.addDefaultCredentials(credentials);
            }
            if (!git.hasGitRepo(false)) {
                git.init_().workspace(dir.getRemote()).execute();
            }
            git.setRemoteUrl("origin", url);
            URIish remote = new URIish(url);
            if (GitRefs.isCommitId(ref)) {
                git.fetch_().from(remote, List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))).tags(true).execute();
                git.checkout().ref(ref).execute();
            } else {
                Map<String, ObjectId> refs = git.getRemoteReferences(url, null, false, false);
                String name = GitRefs.remoteRefName(refs.keySet(), ref);
                if (name == null) {
                    throw new AbortException("Git ref '" + (ref == null ? "HEAD" : ref) + "' was not found in " + GitRefs.safeUrl(url)
                            + ": no branch, tag or commit id of that name.");
                }
                git.fetch_().from(remote, List.of(new RefSpec("+" + name + ":" + TARGET)))
                        .shallow(true).depth(1).tags(false).execute();
                // an annotated tag points to a tag object: check out the commit it names
                git.checkout().ref(git.revParse(TARGET + "^{commit}").name()).execute();
            }
            git.clean();
            return git.revParse("HEAD").name();
        } catch (GitException e) {
            // the message names what failed; a token written into the URL is not shown
            throw new AbortException("Git checkout of " + GitRefs.safeUrl(url) + " @ " + (ref == null ? "HEAD" : ref) + " failed: " + e.getMessage());
        } catch (URISyntaxException e) {
            throw new AbortException("Not a valid Git URL: " + GitRefs.safeUrl(url));
        }
    }

    /** The commit the ref points to on the remote now (ls-remote, run where this is called), or null. */
    public static String remoteRevision(String url, String ref, StandardCredentials credentials, TaskListener listener)
            throws IOException, InterruptedException {
        if (GitRefs.isCommitId(ref)) {
            return ref;
        }
        GitClient git = Git.with(listener, new EnvVars()).using(GIT_IMPL).getClient();
        if (credentials != null) {
            git.addCredentials(url, credentials);
        }
        Map<String, ObjectId> refs = git.getRemoteReferences(url, null, false, false);
        Map<String, String> names = new HashMap<>();
        refs.forEach((k, v) -> names.put(k, v == null ? null : v.name()));
        return GitRefs.remoteRevision(names, ref);
    }
}
