package io.jenkins.plugins.gitopssync.sync;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.engine.source.GitUrls;
import io.jenkins.plugins.gitopssync.engine.source.RefNames;
import io.jenkins.plugins.gitopssync.engine.source.Revisions;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Checks a manifests repository out at a branch, tag or commit into a folder of the workspace, with git-client
 * ({@link GitClientCheckoutGit}, in the order of {@link RevisionCheckout}): the Git work runs on the node that owns
 * the folder (the agent). Also the trigger's ls-remote. A repository on the controller's disk is refused when the
 * work would run on the controller (see {@link #refuseLocalOnController}).
 */
@Restricted(NoExternalUse.class)
public final class WorkspaceCheckout {

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
            CheckoutGit git = new GitClientCheckoutGit(dir, url, credentials, env, listener);
            return new RevisionCheckout(git, url, ref, line -> listener.getLogger().println(SyncRunner.PREFIX + line))
                    .checkout();
        } catch (RevisionCheckout.Failure e) {
            throw new AbortException(e.getMessage());
        } catch (CheckoutGit.GitFailure e) {
            throw new AbortException(RevisionCheckout.Failure.gitFailed(url, ref, e).getMessage());
        } catch (URISyntaxException e) {
            throw new AbortException(Messages.GitCheckout_BadUrl(UrlRedaction.redact(url)));
        }
    }

    /** The commit the ref points to on the remote now (ls-remote, run where this is called), or null. */
    public static String remoteRevision(String url, String ref, StandardCredentials credentials, TaskListener listener)
            throws IOException, InterruptedException {
        refuseLocalOnController(url, true); // ls-remote runs where this is called: the controller
        if (Revisions.isCommitId(ref)) {
            return ref;
        }
        GitClient git = Git.with(listener, new EnvVars()).using(GitClientCheckoutGit.GIT_IMPL).getClient();
        if (credentials != null) {
            git.addCredentials(url, credentials);
        }
        Map<String, ObjectId> refs = git.getRemoteReferences(url, null, false, false);
        Map<String, String> names = new HashMap<>();
        refs.forEach((k, v) -> names.put(k, v == null ? null : v.name()));
        return RefNames.advertisedCommit(names, ref);
    }
}
