package io.jenkins.plugins.gitopssync.engine.it;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.SyncRequest;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.inventory.ApplySetInventory;
import io.jenkins.plugins.gitopssync.engine.inventory.DisplacedSync;
import io.jenkins.plugins.gitopssync.engine.inventory.InventoryData;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.source.ManifestSource;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each test: its own namespace (also the ApplySet's), ApplySet name and Git repository; the namespace,
 * those it registers with {@link #cluster} and anything else it lists in {@link #cleanup} are deleted
 * afterwards.
 */
abstract class ClusterTestBase {

    @TempDir
    Path tmp;

    protected TestCluster cluster;
    protected ClusterAccess access;
    protected KubernetesClient client;
    protected TestRepo repo;
    protected String ns;
    protected String applySet;
    protected RecordingLog log;
    protected GitOpsSync engine;
    protected final List<Runnable> cleanup = new ArrayList<>();

    @BeforeEach
    void setUpCluster() throws Exception {
        cluster = TestCluster.connect();
        access = admin();
        client = access.client();
        ns = cluster.createNamespace(TestCluster.unique("gs"));
        applySet = "inv-" + ns;
        repo = TestRepo.create(tmp.resolve("repo"));
        log = new RecordingLog();
        engine = new GitOpsSync(access, log);
    }

    @AfterEach
    void tearDownCluster() {
        if (cluster == null) {
            return; // skipped: no cluster
        }
        cleanup.forEach(r -> {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // best effort
            }
        });
        cluster.close();
        if (repo != null) {
            repo.close();
        }
        if (access != null) {
            access.close();
        }
    }

    static ClusterAccess admin() {
        return ClusterAccess.fromKubeconfigFile(TestCluster.kubeconfig(), null);
    }

    static ClusterAccess unprivileged() {
        return ClusterAccess.fromKubeconfigFile(TestCluster.unprivilegedKubeconfig(), null);
    }

    /** The repository's files under {@code path} at its last commit. */
    protected ManifestSource source(String path) {
        return new ManifestSource(repo.dir(), repo.head(), path);
    }

    protected SyncRequest.Builder request(String path) {
        return SyncRequest.builder(source(path), applySet).applySetNamespace(ns).prune(true)
                .waitForHealth(false);
    }

    protected SyncResult sync(UnaryOperator<SyncRequest.Builder> options) {
        return engine.sync(options.apply(request(".")).build());
    }

    protected SyncResult sync() {
        return sync(b -> b);
    }

    /** Moves the end of the grace period of every displaced sync the parent lists into the past. */
    protected void expireDisplacedSyncs(String applySetName) {
        client.secrets().inNamespace(ns).withName(applySetName).edit(secret -> {
            String key = ApplySetInventory.DATA_KEY;
            InventoryData data = InventoryData.decode(Base64.getDecoder().decode(secret.getData().get(key)));
            List<DisplacedSync> expired = data.displaced().stream()
                    .map(d -> new DisplacedSync(d.holder(), 0, d.groupKinds(), d.namespaces())).toList();
            secret.getData().put(key, Base64.getEncoder().encodeToString(data.withDisplaced(expired).encode()));
            return secret;
        });
    }

    protected static ObjectResult object(SyncResult r, String kind, String name) {
        return r.objects().stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + r.objects()));
    }
}
