package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to reach the cluster, resolved from credentials on the controller and carried to the agent as
 * plain data: a kubeconfig's content, or a server URL with a bearer token (and CA certificate), or the
 * agent's in-cluster service account. Holds secrets: {@link #toString()} never shows them, and nothing
 * here is ever written to a log.
 */
public final class ClusterConnection implements Serializable {

    private static final long serialVersionUID = 1L;

    enum Kind { KUBECONFIG, TOKEN, IN_CLUSTER }

    private final Kind kind;
    private final String kubeconfig;
    private final String serverUrl;
    private final String token;
    private final String caCertificate;

    private ClusterConnection(Kind kind, String kubeconfig, String serverUrl, String token, String caCertificate) {
        this.kind = kind;
        this.kubeconfig = kubeconfig;
        this.serverUrl = serverUrl;
        this.token = token;
        this.caCertificate = caCertificate;
    }

    public static ClusterConnection kubeconfig(String content) {
        return new ClusterConnection(Kind.KUBECONFIG, content, null, null, null);
    }

    public static ClusterConnection token(String serverUrl, String token, String caCertificatePem) {
        return new ClusterConnection(Kind.TOKEN, null, serverUrl, token, caCertificatePem);
    }

    public static ClusterConnection inCluster() {
        return new ClusterConnection(Kind.IN_CLUSTER, null, null, null, null);
    }

    /** Opens the connection where this runs (on the agent for a sync, on the controller for the trigger). */
    public ClusterAccess open() {
        return switch (kind) {
            case KUBECONFIG -> openKubeconfig();
            case TOKEN -> ClusterAccess.fromToken(serverUrl, token, caCertificate);
            case IN_CLUSTER -> ClusterAccess.inCluster();
        };
    }

    private ClusterAccess openKubeconfig() {
        try {
            return ClusterAccess.fromKubeconfigContent(kubeconfig, null);
        } catch (SyncException e) {
            throw new SyncException(safeKubeconfigError(e.getMessage()));
        }
    }

    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");

    /**
     * A YAML parser's message quotes the offending lines of the document, which may hold a token or a
     * key: keep only where the error is. Single-line messages (no quoted document) are kept as they are.
     */
    static String safeKubeconfigError(String message) {
        if (message == null || !message.contains("\n")) {
            return message;
        }
        Matcher m = YAML_MARK.matcher(message);
        String where = m.find() ? " (YAML error at line " + m.group(1) + ", column " + m.group(2) + ")" : "";
        return "The kubeconfig credential is not a valid kubeconfig" + where + "; its content is not shown, as it holds secrets.";
    }

    /** Safe to log: says which kind of connection, never a secret. */
    public String describe() {
        return switch (kind) {
            case KUBECONFIG -> "kubeconfig credential";
            case TOKEN -> "API server " + serverUrl + " with a token credential";
            case IN_CLUSTER -> "the agent's in-cluster service account";
        };
    }

    @Override
    public String toString() {
        return "ClusterConnection[" + describe() + "]";
    }
}
