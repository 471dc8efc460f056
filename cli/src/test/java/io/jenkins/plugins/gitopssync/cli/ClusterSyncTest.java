package io.jenkins.plugins.gitopssync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.gitopssync.testsupport.TestCluster;
import io.jenkins.plugins.gitopssync.testsupport.TestRepo;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The CLI against the real test cluster: each example synced with --wait, diff/sync/status exit codes, report, badges. */
class ClusterSyncTest {

    @TempDir
    Path tmp;

    private TestCluster cluster;
    private CliRunner cli;
    private String applySetNamespace;

    @BeforeEach
    void connect() {
        cluster = TestCluster.connect();
        cli = new CliRunner(tmp);
        applySetNamespace = cluster.createNamespace(cluster.name("gsc-inv"));
    }

    @AfterEach
    void cleanUp() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The shop example, its namespace renamed so parallel runs never meet. */
    private String shopInto(TestRepo repo, String ns) {
        repo.copy(CliRunner.examples().resolve("shop"), "shop",
                s -> s.replaceAll("(?m)^(\\s*)(namespace|name): shop$", "$1$2: " + ns));
        return repo.commit("shop");
    }

    private String[] args(String command, TestRepo repo, String path, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--repo", repo.dir().toString(), "--path", path,
                "--kubeconfig", TestCluster.kubeconfig().toString(), "--namespace", applySetNamespace,
                "--applyset", cluster.name("cli")));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void shopLifecycleSyncDiffDriftStatusPrune() throws Exception {
        String ns = cluster.deleteNamespaceAtEnd(cluster.name("shop"));
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            String first = shopInto(repo, ns);

            // diff before anything exists: differences (exit 1)
            CliRunner.Run before = cli.run(args("diff", repo, "shop"));
            assertThat(before.exitCode()).as(before.toString()).isEqualTo(1);
            assertThat(before.out()).contains("created    Deployment/" + ns + "/frontend");

            // sync with --wait: everything created and rolled out on the KWOK nodes
            Path report = tmp.resolve("out/report.json");
            Path badge = tmp.resolve("out/badge.svg");
            CliRunner.Run sync = cli.run(args("sync", repo, "shop", "--prune", "--wait", "--timeout", "3m",
                    "--report", report.toString(), "--badge", badge.toString()));
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("created    Namespace/" + ns, "created    Deployment/" + ns + "/checkout",
                    "created    Service/" + ns + "/cart", "created    Secret/" + ns + "/payment-gateway",
                    "report: " + report, "badge: " + badge);
            assertThat(sync.out()).containsPattern("revision " + first.substring(0, 7)
                    + ": 11 created, 0 configured \\(0 drift\\), 0 pruned, 0 unchanged in [0-9.]+ s, [0-9]+ API requests; Synced");
            assertThat(sync.all()).doesNotContain("not-a-real-key-0000");
            Deployment frontend = cluster.kube().apps().deployments().inNamespace(ns).withName("frontend").get();
            assertThat(frontend.getStatus().getAvailableReplicas()).as("rolled out before --wait returned").isEqualTo(2);

            JsonNode json = new ObjectMapper().readTree(Files.readString(report));
            assertThat(json.get("revision").asText()).isEqualTo(first);
            assertThat(json.get("path").asText()).isEqualTo("shop");
            assertThat(json.get("status").asText()).isEqualTo("Synced");
            assertThat(json.get("objects")).hasSize(11);
            JsonNode deployment = find(json.get("objects"), "Deployment", "frontend");
            assertThat(deployment.get("group").asText()).isEqualTo("apps");
            assertThat(deployment.get("version").asText()).isEqualTo("v1");
            assertThat(deployment.get("namespace").asText()).isEqualTo(ns);
            assertThat(deployment.get("action").asText()).isEqualTo("created");
            assertThat(deployment.get("drift").asBoolean()).isFalse();
            assertThat(deployment.has("error")).isTrue();
            assertThat(json.get("totals").get("created").asInt()).isEqualTo(11);
            assertThat(json.get("durationMs").asLong()).isPositive();
            assertThat(json.get("apiRequests").asLong()).isPositive();
            assertBadge(badge, "gitops: synced");

            // nothing changed: diff exit 0, status exit 0
            CliRunner.Run clean = cli.run(args("diff", repo, "shop"));
            assertThat(clean.exitCode()).as(clean.toString()).isZero();
            assertThat(clean.out()).contains("0 created, 0 configured (0 drift), 0 pruned, 11 unchanged");
            CliRunner.Run quiet = cli.run(args("diff", repo, "shop", "--quiet"));
            assertThat(quiet.exitCode()).isZero();
            assertThat(quiet.out().strip().lines()).singleElement().asString().startsWith("revision " + first.substring(0, 7));
            assertThat(quiet.err()).isEmpty();
            CliRunner.Run status = cli.run(args("status", repo, "shop"));
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("revision " + first.substring(0, 7), "11 objects", "0 drifted");

            // a Git change (ConfigMap value, Secret value) and a removed file: diff exit 1, masked
            repo.edit("shop/config.yaml", s -> s.replace("currency: EUR", "currency: CHF")
                    .replace("not-a-real-key-0000", "another-fake-key-1111"));
            repo.delete("shop/cart.yaml");
            String second = repo.commit("CHF, new key, no cart");
            Path outOfSync = tmp.resolve("out/out-of-sync.svg");
            CliRunner.Run change = cli.run(args("diff", repo, "shop", "--prune", "--badge", outOfSync.toString()));
            assertThat(change.exitCode()).as(change.toString()).isEqualTo(1);
            assertThat(change.out()).contains("configured ConfigMap/" + ns + "/shop-config (git change)",
                    "configured Secret/" + ns + "/payment-gateway (git change)", "-  currency: EUR", "+  currency: CHF",
                    "pruned     Deployment/" + ns + "/cart", "pruned     Service/" + ns + "/cart", "(dry run");
            assertThat(change.all()).doesNotContain("not-a-real-key-0000").doesNotContain("another-fake-key-1111");
            assertBadge(outOfSync, "gitops: out of sync");

            // drift: someone edits a live object out of band
            ConfigMap live = cluster.kube().configMaps().inNamespace(ns).withName("shop-config").get();
            live.getData().put("currency", "USD");
            live.getMetadata().setManagedFields(null);
            cluster.kube().configMaps().inNamespace(ns).resource(live).update();
            Path driftBadge = tmp.resolve("out/drift.svg");
            CliRunner.Run drifted = cli.run(args("status", repo, "shop", "--badge", driftBadge.toString()));
            assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(1);
            assertThat(drifted.out()).contains("drifted    ConfigMap/" + ns + "/shop-config", "1 drifted");
            assertBadge(driftBadge, "gitops: drift 1");

            // sync the new commit with --prune: drift corrected, Git change applied, cart pruned
            CliRunner.Run resync = cli.run(args("sync", repo, "shop", "--prune", "--wait", "--report", report.toString()));
            assertThat(resync.exitCode()).as(resync.toString()).isZero();
            assertThat(resync.out()).contains("pruned     Deployment/" + ns + "/cart", "revision " + second.substring(0, 7));
            assertThat(cluster.kube().configMaps().inNamespace(ns).withName("shop-config").get().getData())
                    .containsEntry("currency", "CHF");
            assertThat(cluster.kube().apps().deployments().inNamespace(ns).withName("cart").get()).isNull();
            JsonNode after = new ObjectMapper().readTree(Files.readString(report));
            assertThat(after.get("revision").asText()).isEqualTo(second);
            assertThat(find(after.get("objects"), "Service", "cart").get("action").asText()).isEqualTo("pruned");
            assertThat(cli.run(args("status", repo, "shop")).exitCode()).isZero();
        }
    }

    @Test
    void kustomizeOverlaySyncsWithWait() {
        String ns = cluster.deleteNamespaceAtEnd(cluster.name("guestbook"));
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.copy(CliRunner.examples().resolve("kustomize"), "kustomize", s -> s.replace("guestbook-staging", ns));
            repo.commit("kustomize");
            CliRunner.Run sync = cli.run(args("sync", repo, "kustomize/overlays/staging", "--prune", "--wait"));
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("created    Deployment/" + ns + "/staging-web",
                    "created    ConfigMap/" + ns + "/staging-web-config", "4 created");
            Deployment web = cluster.kube().apps().deployments().inNamespace(ns).withName("staging-web").get();
            assertThat(web.getSpec().getReplicas()).isEqualTo(2);
            assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(2);
            assertThat(web.getMetadata().getLabels()).containsEntry("environment", "staging");
        }
    }

    @Test
    void crdAndCustomResourceSyncInOneRun() {
        String ns = cluster.deleteNamespaceAtEnd(cluster.name("widgets"));
        String group = "t" + cluster.id() + ".example.gitops-sync.io";
        cluster.deleteCrdAtEnd("widgets." + group);
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.copy(CliRunner.examples().resolve("crd"), "crd", s -> s.replace("example.gitops-sync.io", group)
                    .replaceAll("(?m)^(\\s*)(namespace|name): widgets$", "$1$2: " + ns));
            repo.commit("crd");
            CliRunner.Run sync = cli.run(args("sync", repo, "crd", "--prune", "--wait", "--timeout", "2m"));
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("created    CustomResourceDefinition/widgets." + group,
                    "created    Widget/" + ns + "/gear", "3 created");
            GenericKubernetesResource gear = cluster.kube().genericKubernetesResources(
                    new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind("Widget")
                            .withPlural("widgets").withNamespaced(true).build())
                    .inNamespace(ns).withName("gear").get();
            assertThat(gear).isNotNull();
            assertThat(String.valueOf(((Map<?, ?>) gear.getAdditionalProperties().get("spec")).get("size"))).isEqualTo("medium");
            assertThat(cli.run(args("diff", repo, "crd")).exitCode()).isZero();
        }
    }

    @Test
    void targetNamespaceMovesObjectsAndStatusOfUnknownApplySetIsAnError() throws Exception {
        String target = cluster.createNamespace(cluster.name("target"));
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                    + "  namespace: somewhere-else\ndata:\n  a: b\n").commit("config");
            CliRunner.Run sync = cli.run(args("sync", repo, "app", "--target-namespace", target, "--concurrency", "2"));
            assertThat(sync.exitCode()).as(sync.toString()).isZero();
            assertThat(sync.out()).contains("created    ConfigMap/" + target + "/settings");
            assertThat(cluster.kube().configMaps().inNamespace(target).withName("settings").get()).isNotNull();

            Path report = tmp.resolve("status.json");
            Path badge = tmp.resolve("unknown.svg");
            String[] status = args("status", repo, "app", "--report", report.toString(), "--badge", badge.toString());
            status[10] = cluster.name("never-synced"); // --applyset value
            CliRunner.Run unknown = cli.run(status);
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err()).contains("error: ApplySet " + cluster.name("never-synced") + " not found in namespace "
                    + applySetNamespace);
            assertBadge(badge, "gitops: unknown");
            assertThat(new ObjectMapper().readTree(Files.readString(report)).get("exists").asBoolean()).isFalse();
        }
    }

    @Test
    void badManifestsMakeDiffExit2NamingFileAndLine() {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("bad/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n")
                    .write("nameless/config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n")
                    .commit("bad");
            CliRunner.Run broken = cli.run(args("diff", repo, "bad"));
            assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(2);
            assertThat(broken.err()).contains("error: ").contains("bad/broken.yaml").doesNotContain("\tat ");
            CliRunner.Run nameless = cli.run(args("sync", repo, "nameless"));
            assertThat(nameless.exitCode()).as(nameless.toString()).isEqualTo(2);
            assertThat(nameless.err()).contains("nameless/config.yaml:1");
        }
    }

    @Test
    void anObjectTheApiServerRejectsEndsTheRunWithAnErrorLine() throws Exception {
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            repo.write("app/good.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: good\ndata:\n  k: v\n")
                    .write("app/bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\ndata:\n"
                            + "  \"not a valid key!\": v\n")
                    .commit("one object the API server rejects");
            CliRunner.Run run = cli.run(args("sync", repo, "app"));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            List<String> errors = run.err().lines().filter(l -> l.startsWith("error: ")).toList();
            assertThat(errors).as(run.toString()).singleElement().asString()
                    .startsWith("error: 1 object failed: ConfigMap/" + applySetNamespace + "/bad (app/bad.yaml:1): ")
                    .contains("not a valid key!");
        }
    }

    @Test
    void forbiddenSyncFailsWithExit2ReportAndFailedBadge() throws Exception {
        String ns = cluster.deleteNamespaceAtEnd(cluster.name("denied"));
        try (TestRepo repo = TestRepo.create(tmp.resolve("repo"))) {
            shopInto(repo, ns);
            Path report = tmp.resolve("failed.json");
            Path badge = tmp.resolve("failed.svg");
            String[] a = args("sync", repo, "shop", "--report", report.toString(), "--badge", badge.toString());
            a[6] = TestCluster.unprivilegedKubeconfig().toString(); // --kubeconfig value
            CliRunner.Run run = cli.run(a);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("error: ").contains("permission denied").doesNotContain("\tat ");
            assertThat(new ObjectMapper().readTree(Files.readString(report)).get("status").asText()).isEqualTo("Failed");
            assertBadge(badge, "gitops: failed");

            String[] d = args("diff", repo, "shop");
            d[6] = TestCluster.unprivilegedKubeconfig().toString();
            assertThat(cli.run(d).exitCode()).isEqualTo(2);
        }
    }

    private static JsonNode find(JsonNode objects, String kind, String name) {
        for (JsonNode o : objects) {
            if (kind.equals(o.get("kind").asText()) && name.equals(o.get("name").asText())) {
                return o;
            }
        }
        throw new AssertionError(kind + "/" + name + " not in the report: " + objects);
    }

    /** Well-formed XML, an svg root, and the expected "gitops: message" title. */
    static void assertBadge(Path file, String title) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(file))));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(title);
    }
}
