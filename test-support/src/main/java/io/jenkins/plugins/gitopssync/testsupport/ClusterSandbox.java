package io.jenkins.plugins.gitopssync.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's share of the test cluster and a Git repository, what most sync tests start from: a namespace of its
 * own, a client, and a repository in a temporary folder, each made when the test first asks for it (a test that
 * asks for none needs no cluster) and removed after the test. Register it per test class:
 * {@code @RegisterExtension final ClusterSandbox sandbox = new ClusterSandbox("gs-step");}
 */
public final class ClusterSandbox implements AfterEachCallback {

    private final String prefix;
    private TestCluster cluster;
    private String namespace;
    private TestRepo repo;
    private Path repoDir;

    /** @param prefix the start of the namespace's name (a random suffix follows) */
    public ClusterSandbox(String prefix) {
        this.prefix = prefix;
    }

    /** The test's connection to the test cluster (skips the test, or fails it, without one: {@link TestCluster}). */
    public TestCluster cluster() {
        if (cluster == null) {
            cluster = TestCluster.connect();
        }
        return cluster;
    }

    /** A client of the test cluster, closed after the test. */
    public KubernetesClient kube() {
        return cluster().kube();
    }

    /** The test's namespace, created on first use. */
    public String namespace() {
        return namespace(prefix);
    }

    /** The test's namespace, created on first use with a name starting with {@code prefix} (later calls return it). */
    public String namespace(String prefix) {
        if (namespace == null) {
            namespace = cluster().createNamespace(TestCluster.unique(prefix));
        }
        return namespace;
    }

    /** The test's Git repository (branch main, no commit yet), made on first use. */
    public TestRepo repo() {
        if (repo == null) {
            try {
                repoDir = Files.createTempDirectory("gitops-sync-repo");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            repo = TestRepo.create(repoDir.resolve("repo"));
        }
        return repo;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (repo != null) {
            repo.close();
            try (Stream<Path> files = Files.walk(repoDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (cluster != null) {
            cluster.close();
        }
        cluster = null;
        namespace = null;
        repo = null;
    }
}
