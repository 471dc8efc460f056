package io.jenkins.plugins.gitopssync.sync;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.config.OptionChecks;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Looks credentials up on the controller: for a build through the Run (so the triggering user's rights
 * and ${PARAM} ids apply, and the use is tracked), for the trigger through the job as its own authentication.
 * Turns the cluster credentials into a {@link ClusterConnection}. Error messages name the id, never a value.
 */
@Restricted(NoExternalUse.class)
public abstract class CredentialResolver {

    /**
     * Finds a credential by id, or null when there is none of that type.
     *
     * @param requirements the domain it is for (the repository's or the API server's URL): a credential kept in a
     *                     domain for other hosts is not sent to this one
     */
    protected abstract <C extends IdCredentials> C find(String id, Class<C> type, List<DomainRequirement> requirements);

    public static CredentialResolver forRun(Run<?, ?> run) {
        return new CredentialResolver() {
            @Override
            protected <C extends IdCredentials> C find(String id, Class<C> type, List<DomainRequirement> requirements) {
                return CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, type, run, requirements));
            }
        };
    }

    /**
     * For the trigger, which has no build: the credentials a build of the job would get, looked up as the job's
     * own authentication, with the job's credentials only when that authentication may use them. That
     * authentication is what a QueueItemAuthenticator (the Authorize Project plugin) says the job runs as; with
     * none installed, Jenkins runs every build as SYSTEM, so the trigger too finds every credential in the job's
     * context (its folders' and the global ones) — exactly what a build of the job could use, no more. Install
     * Authorize Project to limit both to what the job's users may use.
     */
    public static CredentialResolver forItem(Item item) {
        return new CredentialResolver() {
            @Override
            protected <C extends IdCredentials> C find(String id, Class<C> type, List<DomainRequirement> requirements) {
                Authentication auth = item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : Jenkins.ANONYMOUS2;
                C found = CredentialsProvider.findCredentialByIdInItem(id, type, item, auth, requirements);
                if (found == null && !ACL.SYSTEM2.equals(auth) && item.hasPermission2(auth, CredentialsProvider.USE_ITEM)) {
                    found = CredentialsProvider.findCredentialByIdInItem(id, type, item, ACL.SYSTEM2, requirements);
                }
                return found;
            }
        };
    }

    /** The domain of a URL's host, or none for a URL that names no host (a local path, blank). */
    static List<DomainRequirement> domainOf(String url) {
        if (url == null || url.isBlank()) {
            return List.of();
        }
        try {
            return URIRequirementBuilder.fromUri(url.trim()).build();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The Git credential (username/password or SSH key) for the repository at {@code url}, or null when no id is given. */
    public StandardCredentials git(String credentialsId, String url) throws AbortException {
        if (credentialsId == null) {
            return null;
        }
        StandardCredentials c = find(credentialsId, StandardCredentials.class, domainOf(url));
        if (c == null) {
            throw new AbortException(Messages.CredentialResolver_GitNotFound(credentialsId));
        }
        return c;
    }

    public ClusterConnection cluster(SyncSpec o) throws IOException {
        if (o.kubeconfigCredentialsId() != null) {
            return ClusterConnection.kubeconfig(kubeconfig(o.kubeconfigCredentialsId()), o.context(), o.kubeconfigCredentialsId());
        }
        if (o.serverUrl() != null) {
            String id = o.tokenCredentialsId();
            StringCredentials token = id == null ? null : find(id, StringCredentials.class, domainOf(o.serverUrl()));
            if (token == null) {
                throw new AbortException(Messages.CredentialResolver_TokenNotFound(id));
            }
            return ClusterConnection.token(o.serverUrl(), token.getSecret().getPlainText(), o.caCertificate());
        }
        return ClusterConnection.inCluster();
    }

    /**
     * The keys a revision's signatures are checked against: the credential's and those written into the
     * job, parsed here on the controller (a parse error names the credential id, never its content).
     */
    public TrustedKeys trustedKeys(SyncSpec o) throws IOException {
        TrustedKeys keys = TrustedKeys.none();
        try {
            if (o.trustedKeysCredentialsId() != null) {
                String id = o.trustedKeysCredentialsId();
                String content = fileOrText(id);
                if (content == null) {
                    throw new AbortException(Messages.CredentialResolver_TrustedKeysNotFound(id));
                }
                keys = keys.plus(TrustedKeys.parse(Messages.CredentialResolver_OfCredential(id), content));
            }
            if (o.trustedKeys() != null) {
                keys = keys.plus(TrustedKeys.parse(OptionChecks.jobKeys(), o.trustedKeys()));
            }
        } catch (SyncException e) {
            throw new AbortException(e.getMessage());
        }
        return keys;
    }

    /** A kubeconfig from a secret file credential or a secret text credential. */
    public String kubeconfig(String id) throws IOException {
        String content = fileOrText(id);
        if (content == null) {
            throw new AbortException(Messages.CredentialResolver_KubeconfigNotFound(id));
        }
        return content;
    }

    /** The content of a secret file credential or a secret text credential, or null when there is neither. */
    private String fileOrText(String id) throws IOException {
        FileCredentials file = find(id, FileCredentials.class, List.of());
        if (file != null) {
            try (InputStream in = file.getContent()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        StringCredentials text = find(id, StringCredentials.class, List.of());
        return text == null ? null : text.getSecret().getPlainText();
    }
}
