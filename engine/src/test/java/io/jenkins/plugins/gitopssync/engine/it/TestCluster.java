package io.jenkins.plugins.gitopssync.engine.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The shared test cluster, found through GITOPS_TEST_KUBECONFIG (the admin kubeconfig; the unprivileged
 * one is its sibling "kubeconfig-unprivileged"). Unset: tests are skipped, unless
 * GITOPS_TEST_REQUIRE_CLUSTER=true, then they fail. Every test uses its own namespaces and names.
 */
public final class TestCluster {

    private TestCluster() {
    }

    public static Path kubeconfig() {
        String path = System.getenv("GITOPS_TEST_KUBECONFIG");
        boolean required = "true".equalsIgnoreCase(System.getenv("GITOPS_TEST_REQUIRE_CLUSTER"));
        if (path == null || path.isBlank()) {
            if (required) {
                fail("GITOPS_TEST_REQUIRE_CLUSTER=true but GITOPS_TEST_KUBECONFIG is not set; start the cluster with"
                        + " test-cluster/cluster up and export GITOPS_TEST_KUBECONFIG=<its kubeconfig>");
            }
            assumeTrue(false, "cluster tests skipped: GITOPS_TEST_KUBECONFIG is not set (test-cluster/cluster up)");
        }
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            fail("GITOPS_TEST_KUBECONFIG points to " + p + ", which does not exist");
        }
        return p;
    }

    public static Path unprivilegedKubeconfig() {
        return kubeconfig().resolveSibling("kubeconfig-unprivileged");
    }

    /** The user name the unprivileged kubeconfig authenticates as. */
    public static final String UNPRIVILEGED_USER = "gitops-unprivileged";

    public static ClusterAccess admin() {
        return ClusterAccess.fromKubeconfigFile(kubeconfig(), null);
    }

    public static ClusterAccess unprivileged() {
        return ClusterAccess.fromKubeconfigFile(unprivilegedKubeconfig(), null);
    }

    /** "prefix-1a2b3c4d": unique per test run, valid as a namespace or object name. */
    public static String unique(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    public static void createNamespace(KubernetesClient client, String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
    }

    /** Deletes namespaces without waiting (the namespace controller finishes the job). */
    public static void deleteNamespaces(KubernetesClient client, String... names) {
        for (String n : names) {
            try {
                client.namespaces().withName(n).withTimeout(0, TimeUnit.SECONDS).delete();
            } catch (RuntimeException ignored) {
                // best effort cleanup
            }
        }
    }
}
