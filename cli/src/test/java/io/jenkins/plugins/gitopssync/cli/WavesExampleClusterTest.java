package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/waves (phases, waves and hooks in Argo CD's annotations) through the command line against the
 * test cluster: {@code diff} lists the waves and the hooks it would run and writes nothing; {@code sync} runs
 * them in order. Its Jobs' pods succeed at once on the KWOK nodes.
 */
class WavesExampleClusterTest {

    @TempDir
    Path tmp;

    private TestCluster cluster;
    private CliRunner cli;
    private String ns;
    private TestRepo repo;

    @BeforeEach
    void setUp() {
        cluster = TestCluster.connect();
        cli = new CliRunner(tmp);
        ns = cluster.createNamespace(cluster.name("gsc-waves"));
        repo = TestRepo.create(tmp.resolve("repo"));
        repo.copy(CliRunner.examples().resolve("waves"), "waves", s -> s).commit("the waves example");
    }

    @AfterEach
    void cleanUp() {
        if (repo != null) {
            repo.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private String[] args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--repo", repo.dir().toString(), "--path", "waves",
                "--kubeconfig", TestCluster.kubeconfig().toString(), "--namespace", ns, "--applyset", "notes"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void diffListsTheHooksPerPhaseAndWaveAndWritesNothing() throws Exception {
        Path report = tmp.resolve("diff.json");

        CliRunner.Run diff = cli.run(args("diff", "--report", report.toString()));

        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.out()).contains(("""
                wave       PreSync 0: planned (1 hook)
                hook       Job/NS/schema-migration-* would run
                wave       Sync -1: planned (2 objects)
                wave       Sync 0: planned (2 objects)
                wave       Sync 1: planned (1 hook)
                hook       Job/NS/maintenance-page-up would run
                wave       Sync 2: planned (2 objects)
                wave       Sync 3: planned (1 hook)
                hook       Job/NS/maintenance-page-down would run
                wave       PostSync 0: planned (1 hook)
                hook       Job/NS/smoke-test-* would run
                wave       SyncFail 0: if the sync fails (1 hook)
                hook       Job/NS/notify-failure-* would run: runs only if the sync fails
                """).replace("NS", ns));
        assertThat(diff.out()).contains("created    Deployment/" + ns + "/notes-db", "(dry run, nothing written)");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.get("waves")).hasSize(8);
        assertThat(json.get("hooks")).hasSize(5);
        assertThat(json.get("hooks").get(0).get("state").asText()).isEqualTo("would run");
        // nothing written: no hook ran, no object, no inventory, no lease
        KubernetesClient k = cluster.kube();
        assertThat(k.batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(k.apps().deployments().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(k.services().inNamespace(ns).list().getItems()).isEmpty();
        assertThat(k.secrets().inNamespace(ns).withName("notes").get()).isNull();
        assertThat(k.leases().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void syncRunsTheWavesInOrder() throws Exception {
        Path report = tmp.resolve("sync.json");

        CliRunner.Run sync = cli.run(args("sync", "--prune", "--timeout", "3m", "--report", report.toString()));

        assertThat(sync.exitCode()).as(sync.toString()).isZero();
        assertThat(sync.out()).containsPattern("wave       PreSync 0: synced in [0-9.]+ s, started [0-9:]+Z \\(1 hook\\)")
                .contains("hook       Job/" + ns + "/maintenance-page-down succeeded")
                .containsPattern("hook       Job/" + ns + "/smoke-test-[a-z0-9]+ succeeded, deleted")
                .contains("hook       Job/" + ns + "/notify-failure-* not run: runs only when a sync fails (SyncFail wave 0)");
        JsonNode waves = new ObjectMapper().readTree(Files.readString(report)).get("waves");
        assertThat(waves).hasSize(7);
        List<String> order = new ArrayList<>();
        Instant previousEnd = Instant.EPOCH;
        for (JsonNode w : waves) {
            order.add(w.get("phase").asText() + " " + w.get("wave").asInt());
            Instant start = Instant.parse(w.get("startedAt").asText());
            assertThat(start).as("%s starts after the wave before it ended", order).isAfterOrEqualTo(previousEnd);
            previousEnd = start.plusMillis(w.get("durationMs").asLong());
        }
        assertThat(order).containsExactly("PreSync 0", "Sync -1", "Sync 0", "Sync 1", "Sync 2", "Sync 3", "PostSync 0");
        KubernetesClient k = cluster.kube();
        for (String name : List.of("notes-db", "notes-api", "notes-web")) {
            assertThat(k.apps().deployments().inNamespace(ns).withName(name).get().getStatus().getAvailableReplicas())
                    .as(name).isPositive();
        }
        Job pageUp = k.batch().v1().jobs().inNamespace(ns).withName("maintenance-page-up").get();
        assertThat(pageUp.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(Instant.parse(pageUp.getStatus().getCompletionTime())).isBeforeOrEqualTo(Instant.parse(
                k.apps().deployments().inNamespace(ns).withName("notes-web").get().getMetadata().getCreationTimestamp()));
        assertThat(k.batch().v1().jobs().inNamespace(ns).list().getItems()).extracting(j -> j.getMetadata().getName())
                .noneMatch(n -> n.startsWith("smoke-test-") || n.startsWith("notify-failure-"))
                .anyMatch(n -> n.startsWith("schema-migration-"));

        // again: the same hooks run anew, each replacing its earlier run
        String firstMigration = migrations(k).get(0);
        CliRunner.Run again = cli.run(args("sync", "--prune", "--timeout", "3m"));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("0 created, 0 configured (0 drift), 0 pruned, 6 unchanged");
        assertThat(migrations(k)).doesNotContain(firstMigration).hasSize(1);
    }

    private List<String> migrations(KubernetesClient k) {
        return k.batch().v1().jobs().inNamespace(ns).list().getItems().stream()
                .filter(j -> j.getMetadata().getDeletionTimestamp() == null)
                .map(j -> j.getMetadata().getName()).filter(n -> n.startsWith("schema-migration-")).toList();
    }
}
