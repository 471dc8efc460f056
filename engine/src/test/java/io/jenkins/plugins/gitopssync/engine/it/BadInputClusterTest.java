package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.GitOpsSync;
import io.jenkins.plugins.gitopssync.engine.RecordingLog;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input: each case fails with a clear message naming file:line or the object, before anything is
 * touched; the objects of the last good sync are all still there and nothing new was created.
 */
class BadInputClusterTest extends ClusterTestBase {

    record Case(String name, String file, String content, List<String> messageParts) {
    }

    @BeforeEach
    void goodSync() throws Exception {
        repo.write("good/precious.yaml", Manifests.configMap("precious", "keep", "me"))
                .write("good/web.yaml", Manifests.deployment("web", 1, "nginx:1.27"));
        repo.commit("good");
        assertThat(sync().status()).isEqualTo(SyncStatus.Synced);
    }

    @Test
    void eachBadInputFailsClearlyAndDeletesNothing() throws Exception {
        List<Case> cases = List.of(
                new Case("malformed YAML", "bad/broken.yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n", List.of("bad/broken.yaml")),
                new Case("duplicate object", "bad/dup.yaml", Manifests.configMap("precious", "other", "value"),
                        List.of("bad/dup.yaml:1", "good/precious.yaml:1", "precious")),
                new Case("missing kind", "bad/nokind.yaml", "apiVersion: v1\nmetadata:\n  name: nokind\n",
                        List.of("bad/nokind.yaml:1", "kind")),
                new Case("missing name", "bad/noname.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n",
                        List.of("bad/noname.yaml:1", "name")),
                new Case("unknown kind without CRD", "bad/gizmo.yaml",
                        "apiVersion: gadgets.example.com/v1\nkind: Gizmo\nmetadata:\n  name: g\n",
                        List.of("bad/gizmo.yaml:1", "unknown kind Gizmo", "no CustomResourceDefinition")));
        for (Case c : cases) {
            repo.write(c.file(), c.content());
            // an extra valid object that must not be created either
            repo.write("good/new.yaml", Manifests.configMap("must-not-appear", "a", "b"));
            repo.commit(c.name());
            SyncResult r = sync();
            assertThat(r.status()).as(c.name()).isEqualTo(SyncStatus.Failed);
            assertThat(r.errors()).as(c.name()).hasSize(1);
            System.out.println(c.name() + " -> " + r.errors().get(0));
            assertThat(r.errors().get(0)).as(c.name()).contains(c.messageParts());
            assertThat(r.objects()).as(c.name()).isEmpty();
            assertStillThere(c.name());
            repo.delete(c.file()).delete("good/new.yaml");
            repo.commit("revert " + c.name());
        }
    }

    @Test
    void emptySetWithPruneIsRefused() throws Exception {
        repo.delete("good/precious.yaml").delete("good/web.yaml");
        repo.write("good/README.md", "nothing here\n");
        repo.commit("everything removed");
        SyncResult r = sync();
        assertThat(r.status()).isEqualTo(SyncStatus.Failed);
        assertThat(r.errors()).singleElement().asString().contains("rendered no objects and prune is on")
                .contains(applySet);
        assertStillThere("empty set");
        // allowed explicitly, the empty set prunes everything
        SyncResult allowed = sync(b -> b.allowEmpty(true));
        assertThat(allowed.status()).isEqualTo(SyncStatus.Synced);
        assertThat(allowed.totals().pruned()).isEqualTo(2);
    }

    @Test
    void unreachableClusterFailsBeforeAnythingElse() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again when the block ends: nothing listens there
        }
        try (ClusterAccess nowhere = ClusterAccess.fromToken("https://127.0.0.1:" + port, "some-token", null)) {
            long t0 = System.nanoTime();
            SyncResult r = new GitOpsSync(nowhere, new RecordingLog()).sync(request(".").build());
            assertThat(r.status()).isEqualTo(SyncStatus.Failed);
            assertThat(r.errors()).singleElement().asString()
                    .startsWith("cannot reach the cluster at https://127.0.0.1:" + port + ": ")
                    .contains("Connection refused");
            assertThat((System.nanoTime() - t0) / 1_000_000_000L).isLessThan(15);
        }
        assertStillThere("unreachable");
    }

    private void assertStillThere(String why) {
        assertThat(client.configMaps().inNamespace(ns).withName("precious").get()).as(why).isNotNull();
        assertThat(client.apps().deployments().inNamespace(ns).withName("web").get()).as(why).isNotNull();
        assertThat(client.configMaps().inNamespace(ns).withName("must-not-appear").get()).as(why).isNull();
    }
}
