package io.jenkins.plugins.gitopssync.sync;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.render.ChartRepositoryAuth;

/**
 * The chart repository account of a sync: a username/password credential, looked up like every other credential
 * of the sync (in the build's context, or the trigger's job as its own authentication). The error names the id.
 */
final class ChartCredentials {

    private ChartCredentials() {
    }

    /** The account, or null when no id is given. */
    static ChartRepositoryAuth resolve(CredentialResolver credentials, String id) throws AbortException {
        if (id == null) {
            return null;
        }
        // no domain: the repositories are named in Chart.yaml, which only the agent reads
        StandardUsernamePasswordCredentials c = credentials.find(id, StandardUsernamePasswordCredentials.class, java.util.List.of());
        if (c == null) {
            throw new AbortException(Messages.ChartCredentials_NotFound(id));
        }
        return new ChartRepositoryAuth(c.getUsername(), c.getPassword().getPlainText());
    }
}
