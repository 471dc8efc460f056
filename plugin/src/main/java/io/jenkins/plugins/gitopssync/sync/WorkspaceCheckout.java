package io.jenkins.plugins.gitopssync.sync;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.engine.source.GitUrls;
import io.jenkins.plugins.gitopssync.engine.source.RefNames;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Checks a manifests repository out at a branch, tag or commit into a folder of the workspace, with
 * git-client: the Git work runs on the node that owns the folder (the agent). Branches and tags are
 * fetched shallow (depth 1); a commit id needs the history that contains it, so it is fetched in full.
 * JGit is used so agents need no git executable. A repository on the controller's disk is refused when
 * the work would run on the controller (see {@link #refuseLocalOnController}).
 */
@Restricted(NoExternalUse.class)
public final class WorkspaceCheckout {

    /** The ref the fetched commit is stored under, in the per-sync repository. */
    static final String TARGET = "refs/remotes/origin/gitops-sync-target";
    static final String GIT_IMPL = "jgit";
    private static final String TAGS = "refs/tags/";

    private WorkspaceCheckout() {
    }

    /**
     * Stops a checkout or check of a repository on the controller's own disk when it would run on the
     * controller: a job configurer would otherwise read any repository (or folder) of the controller and see
     * it on the build page, the problem the Git plugin closed in SECURITY-2478. An administrator who trusts
     * every job configurer allows it in the global settings ({@link GitOpsGlobalSettings}).
     */
    static void refuseLocalOnController(String url, boolean onController) throws AbortException {
        if (onController && !GitOpsGlobalSettings.get().isAllowLocalRepositoriesOnController() && GitUrls.isLocal(url)) {
            throw new AbortException(Messages.GitCheckout_LocalOnController(UrlRedaction.redact(url)));
        }
    }

    /** @return the commit id checked out */
    public static String checkout(FilePath dir, String url, String ref, StandardCredentials credentials, EnvVars env,
                                  TaskListener listener) throws IOException, InterruptedException {
        refuseLocalOnController(url, !dir.isRemote());
        dir.mkdirs();
        try {
            GitClient git = client(dir, url, credentials, env, listener);
            URIish remote = new URIish(url);
            if (Revisions.isCommitId(ref)) {
                ObjectId commit = ObjectId.fromString(ref);
                if (!git.isCommitInRepo(commit) && isShallow(dir)) {
                    // an earlier branch or tag fetch was shallow: its cut-off history hides older commits
                    // (a rollback to one of them), and a fetch into a shallow repository keeps the cut
                    listener.getLogger().println(SyncRunner.PREFIX + Messages.GitCheckout_FullHistory(ref));
                    dir.deleteContents();
                    git = client(dir, url, credentials, env, listener);
                }
                if (!git.isCommitInRepo(commit)) {
                    git.fetch_().from(remote, List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))).tags(true).execute();
                }
                if (!git.isCommitInRepo(commit)) {
                    throw new AbortException(Messages.GitCheckout_CommitNotFound(ref, UrlRedaction.redact(url)));
                }
                git.checkout().ref(ref).execute();
            } else {
                Map<String, ObjectId> refs = git.getRemoteReferences(url, null, false, false);
                String name = RefNames.pick(refs.keySet(), ref);
                if (name == null && RefNames.mayBeAbbreviatedId(ref)) {
                    return checkoutAbbreviated(git, dir, remote, url, ref);
                }
                if (name == null) {
                    throw new AbortException(Messages.GitCheckout_RefNotFound(ref == null ? "HEAD" : ref, UrlRedaction.redact(url)));
                }
                List<RefSpec> specs = new ArrayList<>(List.of(new RefSpec("+" + name + ":" + TARGET)));
                if (name.startsWith(TAGS)) {
                    // a tag is kept under its own name too, so its signature can be verified
                    specs.add(new RefSpec("+" + name + ":" + name));
                }
                git.fetch_().from(remote, specs).shallow(true).depth(1).tags(false).execute();
                // an annotated tag points to a tag object: check out the commit it names
                git.checkout().ref(git.revParse(TARGET + "^{commit}").name()).execute();
            }
            git.clean();
            return git.revParse("HEAD").name();
        } catch (GitException e) {
            // the message names what failed; a token written into the URL is not shown
            throw new AbortException(Messages.GitCheckout_Failed(UrlRedaction.redact(url), ref == null ? "HEAD" : ref,
                    UrlRedaction.redact(e.getMessage())));
        } catch (URISyntaxException e) {
            throw new AbortException(Messages.GitCheckout_BadUrl(UrlRedaction.redact(url)));
        }
    }

    /** A commit named by a short id, when no ref has that name: the whole history is fetched to find it, as git would. */
    private static String checkoutAbbreviated(GitClient git, FilePath dir, URIish remote, String url, String ref)
            throws IOException, InterruptedException {
        if (isShallow(dir)) {
            dir.deleteContents();
            git.init_().workspace(dir.getRemote()).execute();
            git.setRemoteUrl("origin", url);
        }
        git.fetch_().from(remote, List.of(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))).tags(true).execute();
        ObjectId commit;
        try {
            commit = git.revParse(RefNames.normalizedId(ref) + "^{commit}");
        } catch (GitException e) {
            throw new AbortException(Messages.GitCheckout_RefNotFound(ref, UrlRedaction.redact(url)));
        }
        git.checkout().ref(commit.name()).execute();
        git.clean();
        return git.revParse("HEAD").name();
    }

    private static GitClient client(FilePath dir, String url, StandardCredentials credentials, EnvVars env,
                                    TaskListener listener) throws IOException, InterruptedException {
        GitClient git = Git.with(listener, env).in(dir).using(GIT_IMPL).getClient();
        if (credentials != null) {
            git.addDefaultCredentials(credentials);
        }
        if (!git.hasGitRepo(false)) {
            git.init_().workspace(dir.getRemote()).execute();
        }
        git.setRemoteUrl("origin", url);
        return git;
    }

    /** A repository made by a shallow fetch records its cut-off commits in .git/shallow. */
    private static boolean isShallow(FilePath dir) throws IOException, InterruptedException {
        return dir.child(".git").child("shallow").exists();
    }

    /** The commit the ref points to on the remote now (ls-remote, run where this is called), or null. */
    public static String remoteRevision(String url, String ref, StandardCredentials credentials, TaskListener listener)
            throws IOException, InterruptedException {
        refuseLocalOnController(url, true); // ls-remote runs where this is called: the controller
        if (Revisions.isCommitId(ref)) {
            return ref;
        }
        GitClient git = Git.with(listener, new EnvVars()).using(GIT_IMPL).getClient();
        if (credentials != null) {
            git.addCredentials(url, credentials);
        }
        Map<String, ObjectId> refs = git.getRemoteReferences(url, null, false, false);
        Map<String, String> names = new HashMap<>();
        refs.forEach((k, v) -> names.put(k, v == null ? null : v.name()));
        return RefNames.advertisedCommit(names, ref);
    }
}
