package io.jenkins.plugins.gitopssync.sync;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.gitopssync.engine.source.GitUrls;

/**
 * Whether the engine's child JVM checks the repository out itself: for a repository JGit alone reaches as git-client
 * would, public or with a username and password (or token) over http(s), git:// or a path. Over ssh the agent's JVM
 * checks out with git-client, which applies the controller's host key verification strategy; other kinds of
 * credential stay with git-client too.
 */
final class ChildCheckoutChoice {

    private ChildCheckoutChoice() {
    }

    /** @return what the child needs to check out, or null when git-client in the agent's JVM does it */
    static ChildCheckout of(String url, String ref, StandardCredentials credentials) {
        if (url == null || GitUrls.isSsh(url)) {
            return null;
        }
        if (credentials == null) {
            return new ChildCheckout(url, ref, null, null);
        }
        if (credentials instanceof StandardUsernamePasswordCredentials account) {
            return new ChildCheckout(url, ref, account.getUsername(), Secret.toString(account.getPassword()));
        }
        return null;
    }
}
