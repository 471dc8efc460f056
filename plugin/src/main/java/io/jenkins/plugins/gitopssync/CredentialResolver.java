package io.jenkins.plugins.gitopssync;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.ACL;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Looks credentials up on the controller: for a build through the Run (so the triggering user's rights
 * and ${PARAM} ids apply, and the use is tracked), for the trigger through the job as the system.
 * Turns the cluster credentials into a {@link ClusterConnection}. Error messages name the id, never a value.
 */
public abstract class CredentialResolver {

    /** Finds a credential by id, or null when there is none of that type. */
    protected abstract <C extends IdCredentials> C find(String id, Class<C> type);

    public static CredentialResolver forRun(Run<?, ?> run) {
        return new CredentialResolver() {
            @Override
            protected <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, type, run, List.of()));
            }
        };
    }

    /** For the trigger, which has no build: the job's credentials, looked up as the system. */
    public static CredentialResolver forItem(Item item) {
        return new CredentialResolver() {
            @Override
            protected <C extends IdCredentials> C find(String id, Class<C> type) {
                return CredentialsProvider.findCredentialByIdInItem(id, type, item, ACL.SYSTEM2, List.of());
            }
        };
    }

    /** The Git credential (username/password or SSH key), or null when no id is given. */
    public StandardCredentials git(String credentialsId) throws AbortException {
        if (credentialsId == null) {
            return null;
        }
        StandardCredentials c = find(credentialsId, StandardCredentials.class);
        if (c == null) {
            throw new AbortException("Git credential '" + credentialsId + "' was not found or is not usable by this job.");
        }
        return c;
    }

    public ClusterConnection cluster(SyncOptions o) throws IOException {
        if (o.kubeconfigCredentialsId() != null) {
            return ClusterConnection.kubeconfig(kubeconfig(o.kubeconfigCredentialsId()));
        }
        if (o.serverUrl() != null) {
            String id = o.tokenCredentialsId();
            StringCredentials token = id == null ? null : find(id, StringCredentials.class);
            if (token == null) {
                throw new AbortException("Token credential '" + id + "' (secret text) was not found or is not usable by this job.");
            }
            return ClusterConnection.token(o.serverUrl(), token.getSecret().getPlainText(), o.caCertificate());
        }
        return ClusterConnection.inCluster();
    }

    /** A kubeconfig from a secret file credential or a secret text credential. */
    private String kubeconfig(String id) throws IOException {
        FileCredentials file = find(id, FileCredentials.class);
        if (file != null) {
            try (InputStream in = file.getContent()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        StringCredentials text = find(id, StringCredentials.class);
        if (text != null) {
            return text.getSecret().getPlainText();
        }
        throw new AbortException("Kubeconfig credential '" + id + "' was not found; it must be a secret file or secret text credential usable by this job.");
    }
}
