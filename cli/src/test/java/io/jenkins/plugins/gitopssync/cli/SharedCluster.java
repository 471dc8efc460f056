package io.jenkins.plugins.gitopssync.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The shared test cluster (GITOPS_TEST_KUBECONFIG). Tests are skipped when it is not set, unless
 * GITOPS_TEST_REQUIRE_CLUSTER=true, when they fail. Every namespace and CRD a test registers here is
 * deleted afterwards.
 */
final class SharedCluster implements AutoCloseable {

    private final Path kubeconfig;
    private final KubernetesClient client;
    private final String id = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> crds = new ArrayList<>();

    private SharedCluster(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
        try {
            this.client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects, or skips (fails when the cluster is required). */
    static SharedCluster connect() {
        String path = System.getenv("GITOPS_TEST_KUBECONFIG");
        if (path == null || path.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("GITOPS_TEST_REQUIRE_CLUSTER"))) {
                fail("GITOPS_TEST_REQUIRE_CLUSTER=true but GITOPS_TEST_KUBECONFIG is not set");
            }
            assumeTrue(false, "cluster test skipped: GITOPS_TEST_KUBECONFIG is not set "
                    + "(run test-cluster/cluster up and export the KUBECONFIG it prints)");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            fail("GITOPS_TEST_KUBECONFIG=" + path + " is not a file");
        }
        return new SharedCluster(file);
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    /** The sibling kubeconfig whose token has no RBAC rights. */
    Path unprivilegedKubeconfig() {
        return kubeconfig.resolveSibling("kubeconfig-unprivileged");
    }

    KubernetesClient client() {
        return client;
    }

    /** A unique name for this test: prefix + "-" + random id. */
    String unique(String prefix) {
        return prefix + "-" + id;
    }

    String id() {
        return id;
    }

    /** Creates a namespace now (e.g. for the ApplySet Secret) and deletes it afterwards. */
    String createNamespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .serverSideApply();
        namespaces.add(name);
        return name;
    }

    /** A namespace the test's sync will create, deleted afterwards. */
    String cleanupNamespace(String name) {
        namespaces.add(name);
        return name;
    }

    void cleanupCrd(String name) {
        crds.add(name);
    }

    @Override
    public void close() {
        for (String ns : namespaces) {
            try {
                client.namespaces().withName(ns).delete();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        for (String crd : crds) {
            try {
                client.apiextensions().v1().customResourceDefinitions().withName(crd).delete();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        client.close();
    }
}
