package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * A connection to one cluster, counting the API requests made through it. Built from a kubeconfig
 * (file or content, optional context), a server URL + bearer token (+ CA certificate PEM), or the
 * in-cluster service account.
 */
public final class ClusterAccess implements AutoCloseable {

    private final KubernetesClient client;
    private final RequestCounter counter;

    ClusterAccess(KubernetesClient client, RequestCounter counter) {
        this.client = client;
        this.counter = counter;
    }

    public static ClusterAccess fromKubeconfigFile(Path kubeconfig, String context) {
        throw new UnsupportedOperationException("not yet built");
    }

    public static ClusterAccess fromKubeconfigContent(String kubeconfigYaml, String context) {
        throw new UnsupportedOperationException("not yet built");
    }

    public static ClusterAccess fromToken(String serverUrl, String token, String caCertificatePem) {
        throw new UnsupportedOperationException("not yet built");
    }

    public static ClusterAccess inCluster() {
        throw new UnsupportedOperationException("not yet built");
    }

    public KubernetesClient client() {
        return client;
    }

    /** API requests made so far through this connection. */
    public long requestCount() {
        return counter.count();
    }

    @Override
    public void close() {
        client.close();
    }
}
