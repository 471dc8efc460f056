package io.jenkins.plugins.gitopssync.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import io.jenkins.plugins.gitopssync.engine.report.SyncStatus;
import io.jenkins.plugins.gitopssync.testsupport.Manifests;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * API requests of a no-op sync: N objects (ConfigMaps, Secrets, Services, ServiceAccounts, Deployments in
 * two namespaces) are created, then synced again unchanged. The no-op costs a constant number of
 * requests (discovery, lease, parent, one LIST per kind), no PATCH (no dry run, no apply).
 * Sizes: env GITOPS_TEST_NOOP_SIZES (comma-separated, default "100"); GITOPS_TEST_CONCURRENCY overrides the
 * default parallelism.
 */
class NoOpRequestCountClusterTest extends ClusterTestBase {

    @Test
    void noOpSyncRequestCount() throws Exception {
        String sizes = System.getenv().getOrDefault("GITOPS_TEST_NOOP_SIZES", "100");
        for (String size : sizes.split(",")) {
            measure(Integer.parseInt(size.trim()));
        }
    }

    private void measure(int n) throws Exception {
        // fresh namespaces per size: objects of the previous size may still be terminating in the old ones
        String ns1 = TestCluster.unique("gs1");
        String ns2 = TestCluster.unique("gs2");
        cluster.createNamespace(ns1);
        cluster.createNamespace(ns2);
        String set = "noop-" + n + "-" + ns;
        Map<String, StringBuilder> files = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            String namespace = i % 2 == 0 ? ns1 : ns2;
            int kind = i % 20;
            String doc;
            String file;
            if (kind < 8) {
                file = "configmaps";
                doc = Manifests.configMap("cm-" + i, "value", "v" + i);
            } else if (kind < 12) {
                file = "secrets";
                doc = Manifests.secret("secret-" + i, "password-" + i);
            } else if (kind < 15) {
                file = "services";
                doc = Manifests.service("svc-" + i);
            } else if (kind < 18) {
                file = "serviceaccounts";
                doc = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa-" + i + "\n";
            } else {
                file = "deployments";
                doc = Manifests.deployment("deploy-" + i, 1, "nginx:1.27");
            }
            doc = doc.replaceFirst("metadata:\n", "metadata:\n  namespace: " + namespace + "\n");
            files.computeIfAbsent(n + "/" + file + ".yaml", f -> new StringBuilder()).append("---\n").append(doc);
        }
        for (Map.Entry<String, StringBuilder> f : files.entrySet()) {
            repo.write(f.getKey(), f.getValue().toString());
        }
        repo.commit(n + " objects");
        List<String> lines = new ArrayList<>();
        SyncResult first = engine.sync(syncRequest(n, set));
        assertThat(first.errors()).isEmpty();
        assertThat(first.totals().created()).as("first sync: %s; not created: %s", first.totals(),
                first.objects().stream().filter(o -> o.action() != io.jenkins.plugins.gitopssync.engine.report.Action.CREATED)
                        .limit(5).map(o -> o.displayName() + " " + o.action() + " " + o.error()).toList())
                .isEqualTo(n);
        lines.add(line("first sync (create)", first, null));
        for (int round = 1; round <= 2; round++) {
            Map<String, Long> before = access.requestCountByMethod();
            SyncResult noop = engine.sync(syncRequest(n, set));
            Map<String, Long> after = access.requestCountByMethod();
            assertThat(noop.status()).isEqualTo(SyncStatus.Synced);
            assertThat(noop.totals().changed()).isZero();
            assertThat(noop.totals().unchanged()).isEqualTo(n);
            lines.add(line("no-op sync #" + round, noop, delta(before, after)));
            if (round == 2) {
                assertThat(after.getOrDefault("PATCH", 0L)).isEqualTo(before.getOrDefault("PATCH", 0L));
                assertThat(noop.apiRequests()).isLessThanOrEqualTo(15);
            }
        }
        Map<String, Long> before = access.requestCountByMethod();
        SyncResult diff = engine.sync(syncRequestBuilder(n, set).dryRun(true).build());
        assertThat(diff.status()).isEqualTo(SyncStatus.Synced);
        lines.add(line("dry run (drift check)", diff, delta(before, access.requestCountByMethod())));

        // 1% of the objects edited by someone else: the dry run spends one dry-run PATCH on each, no more
        int edited = 0;
        for (int i = 0; i < n && edited < Math.max(1, n / 100); i += 20) {
            String namespace = i % 2 == 0 ? ns1 : ns2;
            client.configMaps().inNamespace(namespace).withName("cm-" + i).edit(cm -> {
                cm.getData().put("value", "edited");
                return cm;
            });
            edited++;
        }
        before = access.requestCountByMethod();
        SyncResult drift = engine.sync(syncRequestBuilder(n, set).dryRun(true).build());
        Map<String, Long> driftRequests = delta(before, access.requestCountByMethod());
        assertThat(drift.status()).isEqualTo(SyncStatus.Drift);
        assertThat(drift.totals().drifted()).isEqualTo(edited);
        assertThat(driftRequests.get("PATCH")).isEqualTo(edited);
        lines.add(line("dry run with " + edited + " objects drifted", drift, driftRequests));
        lines.forEach(l -> System.out.println("[" + n + " objects] " + l));
        // a real sync after the dry run corrects exactly the drift it found, and nothing else
        SyncResult corrected = engine.sync(syncRequest(n, set));
        assertThat(corrected.status()).as("%s", corrected.errors()).isEqualTo(SyncStatus.Synced);
        assertThat(corrected.totals().configured()).isEqualTo(edited);
        assertThat(corrected.totals().drifted()).isEqualTo(edited);
        assertThat(corrected.totals().unchanged()).isEqualTo(drift.totals().unchanged());
    }

    private io.jenkins.plugins.gitopssync.engine.SyncRequest syncRequest(int n, String set) {
        return syncRequestBuilder(n, set).build();
    }

    private io.jenkins.plugins.gitopssync.engine.SyncRequest.Builder syncRequestBuilder(int n, String set) {
        int concurrency = Integer.parseInt(System.getenv().getOrDefault("GITOPS_TEST_CONCURRENCY", "0"));
        return io.jenkins.plugins.gitopssync.engine.SyncRequest.builder(source(String.valueOf(n)), set)
                .applySetNamespace(ns).prune(true).waitForHealth(false).concurrency(concurrency);
    }

    private static String line(String what, SyncResult r, Map<String, Long> byMethod) {
        return what + ": " + r.apiRequests() + " API requests" + (byMethod == null ? "" : " " + byMethod) + ", "
                + r.durationMs() + " ms, phases " + r.phaseMillis();
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long x = v - before.getOrDefault(k, 0L);
            if (x > 0) {
                d.put(k, x);
            }
        });
        return d;
    }
}
