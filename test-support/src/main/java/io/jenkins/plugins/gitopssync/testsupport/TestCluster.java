package io.jenkins.plugins.gitopssync.testsupport;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The shared test cluster (test-cluster/cluster up), found through GITOPS_TEST_KUBECONFIG: the admin
 * kubeconfig, with the unprivileged one as its sibling "kubeconfig-unprivileged". Unset, cluster tests are
 * skipped with a message, unless GITOPS_TEST_REQUIRE_CLUSTER=true (CI), when they fail.
 *
 * <p>An instance is one test's use of it: a client, an id for the test's names, and the namespaces and
 * CRDs it registers, deleted on {@link #close()} (without waiting: the namespace controller finishes).
 */
public final class TestCluster implements AutoCloseable {

    /** The user name the unprivileged kubeconfig authenticates as. */
    public static final String UNPRIVILEGED_USER = "gitops-unprivileged";

    private final KubernetesClient client;
    private final String id = randomId();
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> crds = new ArrayList<>();

    private TestCluster(KubernetesClient client) {
        this.client = client;
    }

    /** The admin kubeconfig; skips the test, or fails it when the cluster is required. */
    public static Path kubeconfig() {
        String path = System.getenv("GITOPS_TEST_KUBECONFIG");
        if (path == null || path.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("GITOPS_TEST_REQUIRE_CLUSTER"))) {
                fail("GITOPS_TEST_REQUIRE_CLUSTER=true but GITOPS_TEST_KUBECONFIG is not set; start the cluster with"
                        + " test-cluster/cluster up and export GITOPS_TEST_KUBECONFIG=<the kubeconfig it prints>");
            }
            assumeTrue(false, "cluster test skipped: GITOPS_TEST_KUBECONFIG is not set (test-cluster/cluster up)");
        }
        Path file = Path.of(path);
        if (!Files.isRegularFile(file)) {
            fail("GITOPS_TEST_KUBECONFIG points to " + file + ", which is not a file");
        }
        return file;
    }

    /**
     * The admin kubeconfig as a credential holds it: self-contained, the CA certificate inlined as
     * {@code certificate-authority-data} instead of the file the cluster's own kubeconfig names (a Jenkins
     * controller does not read files a job's kubeconfig names).
     */
    public static String kubeconfigContent() {
        try {
            String text = Files.readString(kubeconfig(), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(\\s*)certificate-authority:\\s*(\\S+)\\s*$").matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                byte[] ca = Files.readAllBytes(kubeconfig().resolveSibling(m.group(2)));
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + "certificate-authority-data: "
                        + java.util.Base64.getEncoder().encodeToString(ca)));
            }
            m.appendTail(out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sibling kubeconfig whose token has no RBAC rights. */
    public static Path unprivilegedKubeconfig() {
        return kubeconfig().resolveSibling("kubeconfig-unprivileged");
    }

    /** A new admin client; the caller closes it. */
    public static KubernetesClient client() {
        Path file = kubeconfig();
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, kubeconfigContent(), file.toString())).build();
    }

    /** "prefix-1a2b3c4d", new on every call: a valid namespace or object name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + randomId();
    }

    /** Connects for one test (or skips it, see {@link #kubeconfig()}); close it at the test's end. */
    public static TestCluster connect() {
        return new TestCluster(client());
    }

    /** This test's client, closed with it. */
    public KubernetesClient kube() {
        return client;
    }

    /** "prefix-ID", with one ID for all names of this test. */
    public String name(String prefix) {
        return prefix + "-" + id;
    }

    public String id() {
        return id;
    }

    /** Creates a namespace now and deletes it at the end. */
    public String createNamespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return deleteNamespaceAtEnd(name);
    }

    /** A namespace the test makes some other way (its sync creates it), deleted at the end. */
    public String deleteNamespaceAtEnd(String name) {
        namespaces.add(name);
        return name;
    }

    public void deleteCrdAtEnd(String name) {
        crds.add(name);
    }

    @Override
    public void close() {
        for (String ns : namespaces) {
            try {
                client.namespaces().withName(ns).delete();
            } catch (RuntimeException ignored) {
                // best effort: already gone, or the test broke the connection
            }
        }
        for (String crd : crds) {
            try {
                client.apiextensions().v1().customResourceDefinitions().withName(crd).delete();
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
        client.close();
    }

    private static String randomId() {
        return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
