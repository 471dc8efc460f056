package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import java.io.Serializable;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * How to reach the cluster, resolved from credentials on the controller and carried to the agent as
 * plain data: a kubeconfig's content (and the context to use), or a server URL with a bearer token (and CA
 * certificate), or the in-cluster service account of where it is opened. Holds secrets: {@link #toString()}
 * never shows them, and nothing here is ever written to a log. The engine reads a kubeconfig itself; what it
 * may make the process that opens it do (run an exec plugin, read files) is the {@link AccessOptions}' policy.
 */
@Restricted(NoExternalUse.class)
public final class ClusterConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    enum Kind { KUBECONFIG, TOKEN, IN_CLUSTER }

    private final Kind kind;
    private final String kubeconfig;
    private final String context;
    private final String what;
    private final String serverUrl;
    private final String token;
    private final String caCertificate;

    private ClusterConnection(Kind kind, String kubeconfig, String context, String what, String serverUrl, String token,
                              String caCertificate) {
        this.kind = kind;
        this.kubeconfig = kubeconfig;
        this.context = context;
        this.what = what;
        this.serverUrl = serverUrl;
        this.token = token;
        this.caCertificate = caCertificate;
    }

    /**
     * @param context the kubeconfig context to use, or null for its current one
     * @param id      the credential's id, for messages
     */
    public static ClusterConnection kubeconfig(String content, String context, String id) {
        return new ClusterConnection(Kind.KUBECONFIG, content, context, Messages.ClusterConnection_KubeconfigCredential(id), null, null, null);
    }

    public static ClusterConnection token(String serverUrl, String token, String caCertificatePem) {
        return new ClusterConnection(Kind.TOKEN, null, null, Messages.ClusterConnection_TokenCredential(), serverUrl, token, caCertificatePem);
    }

    public static ClusterConnection inCluster() {
        return new ClusterConnection(Kind.IN_CLUSTER, null, null, Messages.ClusterConnection_InCluster(), null, null, null);
    }

    /**
     * Opens the connection where this runs: on the agent for a sync (everything kubectl would do, through the
     * build's launcher and environment), on the controller for the trigger (only what the administrator allows).
     */
    public ClusterAccess open(AccessOptions options) {
        return switch (kind) {
            case KUBECONFIG -> ClusterAccess.fromKubeconfigContent(kubeconfig, context, what, options);
            case TOKEN -> ClusterAccess.fromToken(serverUrl, token, caCertificate, options);
            case IN_CLUSTER -> ClusterAccess.inCluster(options);
        };
    }

    /** Safe to log: says which kind of connection, never a secret. */
    public String describe() {
        return switch (kind) {
            case KUBECONFIG -> context == null ? what : Messages.ClusterConnection_WithContext(what, context);
            case TOKEN -> Messages.ClusterConnection_Token(serverUrl);
            case IN_CLUSTER -> Messages.ClusterConnection_AgentInCluster();
        };
    }

    @Override
    public String toString() {
        return "ClusterConnection[" + describe() + "]";
    }
}
