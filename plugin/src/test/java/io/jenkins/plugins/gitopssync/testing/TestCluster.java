package io.jenkins.plugins.gitopssync.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test cluster (test-cluster/cluster up), found through GITOPS_TEST_KUBECONFIG. Without it
 * cluster tests are skipped with a message, unless GITOPS_TEST_REQUIRE_CLUSTER=true (CI), where they fail.
 * Every test uses its own namespace and ApplySet names and deletes them.
 */
public final class TestCluster {

    private TestCluster() {
    }

    public static Path kubeconfig() {
        String path = System.getenv("GITOPS_TEST_KUBECONFIG");
        if (path == null || path.isBlank()) {
            if ("true".equals(System.getenv("GITOPS_TEST_REQUIRE_CLUSTER"))) {
                fail("GITOPS_TEST_REQUIRE_CLUSTER=true but GITOPS_TEST_KUBECONFIG is not set");
            }
            Assumptions.assumeTrue(false,
                    "GITOPS_TEST_KUBECONFIG is not set: skipping this cluster test (start one with test-cluster/cluster up)");
        }
        return Path.of(path);
    }

    public static String kubeconfigContent() throws IOException {
        return Files.readString(kubeconfig(), StandardCharsets.UTF_8);
    }

    public static KubernetesClient client() throws IOException {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigContent())).build();
    }

    /** A name no other test uses: prefix plus a random suffix, a valid DNS label. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The engine needs the ApplySet's namespace to exist (it holds the inventory and the lease). */
    public static void createNamespace(String ns) throws IOException {
        try (KubernetesClient c = client()) {
            c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
    }

    public static void deleteNamespace(String ns) throws IOException {
        try (KubernetesClient c = client()) {
            c.namespaces().withName(ns).delete();
        }
    }
}
