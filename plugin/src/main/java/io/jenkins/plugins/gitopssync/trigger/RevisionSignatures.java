package io.jenkins.plugins.gitopssync.trigger;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Job;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.SyncLog;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.sync.CredentialResolver;
import io.jenkins.plugins.gitopssync.sync.EngineSync;
import io.jenkins.plugins.gitopssync.sync.WorkspaceCheckout;
import java.io.File;
import java.io.IOException;
import jenkins.model.Jenkins;

/**
 * The trigger's signature check of the revision it would build: ls-remote gives only an id, so the
 * revision is fetched (shallow, as a build fetches it) into a cache of the job on the controller, then
 * verified there with the engine's rules. A revision that does not pass starts no build.
 */
final class RevisionSignatures {

    private RevisionSignatures() {
    }

    /** Why the revision at the remote may not be built, or null when its signatures pass. */
    static String refusal(Job<?, ?> job, SyncSpec options, CredentialResolver credentials)
            throws IOException, InterruptedException {
        TrustedKeys trusted = credentials.trustedKeys(options);
        FilePath dir = new FilePath(cacheDir(job, options.url()));
        String revision = WorkspaceCheckout.checkout(dir, options.url(), options.ref(),
                credentials.git(options.credentialsId(), options.url()), new EnvVars(), TaskListener.NULL);
        try {
            GitOpsSync.verify(EngineSync.signatureCheck(options, new File(dir.getRemote()).toPath(), revision, trusted),
                    SyncLog.SILENT);
            return null;
        } catch (SyncException e) {
            return e.getMessage();
        }
    }

    /** One cache per job and repository, under the controller's caches folder. */
    static File cacheDir(Job<?, ?> job, String url) {
        return new File(Jenkins.get().getRootDir(), "caches/gitops-sync-trigger/" + Util.getDigestOf(job.getFullName() + "\n" + url));
    }
}
